package com.computemarket.challenge.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A cheater is caught at the predicted rate. The challenges come from a fixed sequence of nonces and block
 * hashes, so the test is deterministic; the bound (±0.05 around the prediction, about 4.5 standard deviations of
 * 2000 trials) is wide enough that any correct derivation passes and a biased one (e.g. rows not drawn uniformly)
 * does not.
 */
class CheatingRateTest {

    private static final SyntheticJob JOB = new SyntheticJob("5eed", 32, 0, 2); // 64 rows
    private static final int TRIALS = 2000;

    private final CpuBackend backend = new CpuBackend();
    private final Verifier verifier = new Verifier();

    private List<int[]> honestRows() {
        List<Integer> all = new ArrayList<>();
        for (int l = 0; l < JOB.leafCount(); l++) {
            all.add(l);
        }
        return new ArrayList<>(backend.rows(JOB, all));
    }

    private double acceptRate(List<int[]> rows, int k, int m) {
        ResultCommitment commitment = ResultCommitment.ofRows(JOB, rows);
        int accepted = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            byte[] nonce = Generator.sha256(ByteBuffer.allocate(4).putInt(trial).array());
            String block = Hex.of(Generator.sha256(nonce));
            Challenge challenge = Challenge.derive(JOB, nonce, block, commitment.resultHash(), k, m);
            List<int[]> opened = challenge.leafIndices().stream().map(rows::get).toList();
            if (verifier.verify(JOB, commitment.resultHash(), challenge, commitment.open(challenge, opened)).accepted()) {
                accepted++;
            }
        }
        return (double) accepted / TRIALS;
    }

    /** 8 of 64 rows wholly wrong (f = 1/8), k = 4: accepted when no wrong row is drawn, C(56,4)/C(64,4) ≈ 0.578. */
    @Test
    void wholeWrongRowsAreCaughtAtTheHypergeometricRate() {
        List<int[]> rows = honestRows();
        for (int l = 0; l < 64; l += 8) {
            int[] row = rows.get(l);
            for (int j = 0; j < row.length; j++) {
                row[j] += 1;
            }
        }
        double predicted = (56.0 * 55 * 54 * 53) / (64.0 * 63 * 62 * 61);
        assertEquals(predicted, acceptRate(rows, 4, 2), 0.05);
        // (1 − f)^k is the with-replacement approximation of the same
        assertEquals(falseAcceptWholeRows(1.0 / 8, 4), predicted, 0.03);
    }

    /**
     * 2 of 32 entries wrong in every row (f = 1/16), k = 4 rows, m = 4 columns: accepted when no sampled entry is
     * wrong, (C(30,4)/C(32,4))^4 ≈ 0.337, close to the spec's (1 − f)^(k·m) ≈ 0.356.
     */
    @Test
    void spreadWrongEntriesAreCaughtAtTheSampledRate() {
        List<int[]> rows = honestRows();
        Random random = new Random(11);
        for (int[] row : rows) {
            int first = random.nextInt(32);
            int second = (first + 1 + random.nextInt(31)) % 32;
            row[first] += 1;
            row[second] -= 1;
        }
        double perRow = (30.0 * 29 * 28 * 27) / (32.0 * 31 * 30 * 29);
        double predicted = Math.pow(perRow, 4);
        assertEquals(predicted, acceptRate(rows, 4, 4), 0.05);
        assertEquals(falseAcceptSpread(1.0 / 16, 4, 4), predicted, 0.03);
    }

    @Test
    void anHonestWorkerIsAlwaysAccepted() {
        assertEquals(1.0, acceptRate(honestRows(), 4, 4));
    }

    /** The single-job false-accept probability (1 − f)^(k·m) for a worker whose wrong entries are spread at random. */
    private static double falseAcceptSpread(double f, int k, int m) {
        return Math.pow(1 - f, (double) k * m);
    }

    /** The worst case, a worker whose wrong entries fill whole rows: (1 − f)^k (sampling with replacement). */
    private static double falseAcceptWholeRows(double f, int k) {
        return Math.pow(1 - f, k);
    }
}
