package com.computemarket.connector.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.challenge.synthetic.Challenge;
import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.challenge.synthetic.Verdict;
import com.computemarket.challenge.synthetic.Verifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The cheating mode against the real verifier, over many jobs: a worker that commits to zeros for r of a job's L rows
 * escapes only when none of the k challenged rows is one of them, with probability C(L − r, k) / C(L, k) (the spec's
 * (1 − f)^k for whole skipped rows, sampled without replacement). The observed catch rate must match it.
 */
class CheatDetectionRateTest {

    static final int JOBS = 400;
    static final int N = 64;
    static final int ITERATIONS = 2;            // L = 128 leaves, k = 64 of them challenged
    static final double FRACTION = 0.01;        // r = ceil(1.28) = 2 rows faked per job

    @Test
    void cheatersAreCaughtAtThePredictedRate() throws Exception {
        SyntheticCpuRunner cheater = new SyntheticCpuRunner(2, new SyntheticCpuRunner.Cheat(FRACTION, new Random(20261125)));
        Verifier verifier = new Verifier();
        SecureRandom verifierRandomness = new SecureRandom();
        int leaves = N * ITERATIONS;
        int faked = (int) Math.ceil(FRACTION * leaves);
        int k = Math.min(Challenge.DEFAULT_ROWS, leaves);
        double escape = 1;
        for (int i = 0; i < k; i++) {
            escape *= (double) (leaves - faked - i) / (leaves - i);
        }
        double predicted = 1 - escape; // 0.752 here

        int caught = 0;
        for (int j = 0; j < JOBS; j++) {
            var assignment = new com.computemarket.workerprotocol.WireMessage.JobAssignment(UUID.randomUUID(), UUID.randomUUID(),
                    "synthetic", JsonMapper.builder().build().readTree("{\"seed\":\"" + Integer.toHexString(0x1000 + j)
                    + "\",\"matrix_size\":" + N + ",\"iterations\":" + ITERATIONS + "}"), Instant.now().plusSeconds(60).toString());
            String resultHash = ((JobOutcome.Completed) cheater.run(assignment, ProgressListener.NONE)).resultHash();
            SyntheticJob job = SyntheticJob.fromPayload(assignment.payload());
            byte[] nonce = new byte[32];
            verifierRandomness.nextBytes(nonce);
            byte[] block = new byte[32];
            verifierRandomness.nextBytes(block);
            Challenge challenge = Challenge.derive(job, nonce, java.util.HexFormat.of().formatHex(block), resultHash);
            Verdict verdict = verifier.verify(job, resultHash, challenge,
                    cheater.open(assignment.jobId(), challenge.leafIndices()).orElseThrow());
            if (!verdict.accepted()) {
                caught++;
                assertTrue(verdict.reason().contains("expected"), verdict.reason()); // caught by a recomputed entry
            }
        }
        double sd = Math.sqrt(JOBS * predicted * (1 - predicted));
        double expected = JOBS * predicted;
        // a binomial count stays within 4.5 standard deviations but for a chance of about 7 in a million
        assertTrue(Math.abs(caught - expected) < 4.5 * sd,
                "caught " + caught + " of " + JOBS + ", predicted " + expected + " ± " + sd);
        System.out.printf("cheat fraction %.2f (r = %d of L = %d rows, k = %d): caught %d/%d = %.3f, predicted %.3f%n",
                FRACTION, faked, leaves, k, caught, JOBS, (double) caught / JOBS, predicted);
    }

    @Test
    void anHonestRunnerIsNeverCaughtAndACheatFractionOutOfRangeIsRefused() throws Exception {
        SyntheticCpuRunner honest = new SyntheticCpuRunner(2);
        var assignment = new com.computemarket.workerprotocol.WireMessage.JobAssignment(UUID.randomUUID(), UUID.randomUUID(),
                "synthetic", JsonMapper.builder().build().readTree("{\"seed\":\"ab\",\"matrix_size\":64,\"iterations\":2}"),
                Instant.now().plusSeconds(60).toString());
        String resultHash = ((JobOutcome.Completed) honest.run(assignment, ProgressListener.NONE)).resultHash();
        SyntheticJob job = SyntheticJob.fromPayload(assignment.payload());
        Challenge challenge = Challenge.derive(job, new byte[32], "cd".repeat(32), resultHash);
        assertTrue(new Verifier().verify(job, resultHash, challenge, honest.open(assignment.jobId(), challenge.leafIndices())
                .orElseThrow()).accepted());
        assertEquals(resultHash, honest.committedResult(assignment.jobId()).orElseThrow());
        assertFalse(honest.committedResult(UUID.randomUUID()).isPresent());
        for (double bad : new double[] {0, -0.1, 1.5, Double.NaN}) {
            assertThrowsIae(bad);
        }
    }

    private static void assertThrowsIae(double fraction) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new SyntheticCpuRunner.Cheat(fraction, new Random()));
    }
}
