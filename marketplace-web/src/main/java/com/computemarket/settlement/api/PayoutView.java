package com.computemarket.settlement.api;

import com.computemarket.settlement.domain.DeadTransaction;
import com.computemarket.settlement.domain.Payout;
import com.computemarket.shared.Amount;
import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/** A payout as the API shows it: amounts as decimal CPC strings, chain facts as recorded. */
public record PayoutView(
        String id,
        @JsonbProperty("run_id") String runId,
        @JsonbProperty("worker_id") String workerId,
        String address,
        String amount,
        String status,
        String nonce,
        @JsonbProperty("tx_hash") String txHash,
        @JsonbProperty("block_height") Long blockHeight,
        @JsonbProperty("block_hash") String blockHash,
        String fee,
        int attempts,
        @JsonbProperty("replaced_tx_hashes") List<String> replacedTxHashes,
        String failure,
        @JsonbProperty("created_at") Instant createdAt,
        @JsonbProperty("sent_at") Instant sentAt,
        @JsonbProperty("confirmed_at") Instant confirmedAt) {

    static PayoutView of(Payout p) {
        return new PayoutView(p.id().toString(), p.runId().toString(), p.workerId().toString(), p.address(),
                p.amount().toCpc(), p.status().name(), p.nonce().map(BigInteger::toString).orElse(null),
                p.txHash().orElse(null), p.blockHeight().orElse(null), p.blockHash().orElse(null),
                p.fee().map(Amount::toCpc).orElse(null), p.attempts(),
                p.deadTransactions().stream().map(DeadTransaction::txHash).toList(), p.failure().orElse(null),
                p.createdAt(), p.sentAt().orElse(null), p.confirmedAt().orElse(null));
    }
}
