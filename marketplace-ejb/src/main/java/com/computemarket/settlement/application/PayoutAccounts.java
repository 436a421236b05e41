package com.computemarket.settlement.application;

import com.computemarket.settlement.domain.Payout;
import com.computemarket.shared.Amount;
import java.util.Map;
import java.util.UUID;

/** Port to the billing ledger: the money side of a payout, each movement idempotent by the payout's id. */
public interface PayoutAccounts {

    /** Every worker's payable balance that is above zero. */
    Map<UUID, Amount> workerPayables();

    /** Worker payable → payouts in flight (key {@code payout:<id>}). */
    void started(Payout payout);

    /** In flight → L1 wallet, plus the L1 fee from L1 fees (key {@code payout-confirmed:<id>}). */
    void confirmed(Payout payout, Amount fee);

    /** In flight → back to the worker's payable (key {@code payout-failed:<id>}). */
    void returned(Payout payout);
}
