package com.computemarket.settlement.infrastructure;

import com.computemarket.billing.application.EntryDraft;
import com.computemarket.billing.application.Ledger;
import com.computemarket.settlement.application.PayoutAccounts;
import com.computemarket.settlement.domain.Payout;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Posting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The payout's money movements as billing ledger entries (sign convention of /work/contracts.md). */
@ApplicationScoped
public class LedgerPayoutAccounts implements PayoutAccounts {

    static final String PLATFORM = "platform";

    @Inject Ledger ledger;

    @Override
    public Map<UUID, Amount> workerPayables() {
        Map<UUID, Amount> out = new HashMap<>();
        ledger.balancesOf(AccountType.WORKER_PAYABLE).forEach((owner, balance) -> {
            if (balance.isPositive()) {
                out.put(UUID.fromString(owner), balance);
            }
        });
        return out;
    }

    @Override
    public void started(Payout payout) {
        Amount a = payout.amount();
        ledger.post(new EntryDraft("payout:" + payout.id(), "payout", payout.id().toString(), List.of(
                new Posting(worker(payout), a.negate()),
                new Posting(platform(AccountType.PAYOUTS_IN_FLIGHT), a))));
    }

    @Override
    public void confirmed(Payout payout, Amount fee) {
        Amount a = payout.amount();
        ledger.post(new EntryDraft("payout-confirmed:" + payout.id(), "payout-confirmed", payout.id().toString(), List.of(
                new Posting(platform(AccountType.PAYOUTS_IN_FLIGHT), a.negate()),
                new Posting(platform(AccountType.L1_WALLET), a.plus(fee)),
                new Posting(platform(AccountType.L1_FEES), fee.negate()))));
    }

    @Override
    public void returned(Payout payout) {
        Amount a = payout.amount();
        ledger.post(new EntryDraft("payout-failed:" + payout.id(), "payout-failed", payout.id().toString(), List.of(
                new Posting(platform(AccountType.PAYOUTS_IN_FLIGHT), a.negate()),
                new Posting(worker(payout), a))));
    }

    private static AccountRef worker(Payout payout) {
        return new AccountRef(AccountType.WORKER_PAYABLE, payout.workerId().toString());
    }

    private static AccountRef platform(AccountType type) {
        return new AccountRef(type, PLATFORM);
    }
}
