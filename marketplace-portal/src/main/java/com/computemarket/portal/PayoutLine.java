package com.computemarket.portal;

import com.computemarket.settlement.domain.Payout;
import com.computemarket.shared.Amount;
import java.time.Instant;
import java.util.UUID;

/** A payout as the finance and worker-operator pages list it: amount, status and its L1 transaction and block. */
public record PayoutLine(Instant createdAt, UUID runId, UUID workerId, Amount amount, String status, String txHash,
                         Long blockHeight) {

    public static PayoutLine of(Payout p) {
        return new PayoutLine(p.createdAt(), p.runId(), p.workerId(), p.amount(), p.status().name(),
                p.txHash().orElse(null), p.blockHeight().orElse(null));
    }
}
