package com.computemarket.settlement.application;

import com.computemarket.shared.Amount;
import java.time.Instant;
import java.util.UUID;

/** A payout as other contexts read it (reports, reconciliation); {@code status} is the PayoutStatus name, e.g. "CONFIRMED". */
public record PayoutRecord(UUID id, UUID runId, UUID workerId, String address, Amount amount, Amount fee, String status,
                           String txHash, Long blockHeight, String blockHash, Instant createdAt, Instant confirmedAt,
                           String failure) {

    public static final String CONFIRMED = "CONFIRMED";

    public boolean confirmed() {
        return CONFIRMED.equals(status);
    }
}
