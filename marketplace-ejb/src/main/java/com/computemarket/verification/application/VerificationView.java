package com.computemarket.verification.application;

import com.computemarket.verification.domain.Verification;
import java.time.Instant;
import java.util.UUID;

/** What a customer, operator or auditor may see of a result's verification and its settlement on the L1. */
public record VerificationView(UUID jobId, String status, Long challengeBlockHeight, String challengeBlockHash,
                               Instant respondBy, String verdict, int rowsChecked, int entriesChecked,
                               long verifyMicros, Instant verifiedAt, String txHash, Long blockHeight, String blockHash,
                               Instant settledAt, String problem) {

    static VerificationView of(Verification v) {
        return new VerificationView(v.jobId(), v.status().wire(), v.challengeHeight(),
                v.challengeBlockHash(), v.respondBy(), v.verdict(), v.rowsChecked(), v.entriesChecked(), v.verifyMicros(),
                v.verifiedAt(), v.txHash(), v.blockHeight(), v.blockHash(), v.settledAt(), v.relayProblem());
    }
}
