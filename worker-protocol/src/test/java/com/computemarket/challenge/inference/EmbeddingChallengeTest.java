package com.computemarket.challenge.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingChallengeTest {

    static final byte[] NONCE = new byte[32];
    static final String BLOCK = "11".repeat(32);
    static final String RESULT = "22".repeat(32);

    @Test
    void newWorkersAreCheckedMoreAndTrustLowersTheSampleToAFloor() {
        assertEquals(32, EmbeddingChallenge.sampleSize(0, 4096));
        assertEquals(32, EmbeddingChallenge.sampleSize(9, 4096));
        assertEquals(32, EmbeddingChallenge.sampleSize(10, 4096));
        assertEquals(16, EmbeddingChallenge.sampleSize(20, 4096));
        assertEquals(11, EmbeddingChallenge.sampleSize(30, 4096));
        assertEquals(8, EmbeddingChallenge.sampleSize(40, 4096));
        assertEquals(8, EmbeddingChallenge.sampleSize(1_000_000, 4096));
        assertEquals(5, EmbeddingChallenge.sampleSize(0, 5), "never more than the job's items");
    }

    @Test
    void theItemsAreDistinctInRangeAndReproducible() {
        EmbeddingChallenge c = EmbeddingChallenge.derive(1000, 32, NONCE, BLOCK, RESULT);
        assertEquals(32, c.indices().size());
        assertEquals(32, new HashSet<>(c.indices()).size());
        assertTrue(c.indices().stream().allMatch(i -> i >= 0 && i < 1000));
        assertEquals(c, EmbeddingChallenge.derive(1000, 32, NONCE, BLOCK, RESULT));
        assertEquals(List.of(0, 1, 2), EmbeddingChallenge.derive(3, 32, NONCE, BLOCK, RESULT).indices().stream().sorted().toList());
    }

    @Test
    void eachOfNonceBlockAndResultChangesTheChallenge() {
        EmbeddingChallenge c = EmbeddingChallenge.derive(1000, 8, NONCE, BLOCK, RESULT);
        byte[] otherNonce = NONCE.clone();
        otherNonce[31] = 1;
        assertNotEquals(c, EmbeddingChallenge.derive(1000, 8, otherNonce, BLOCK, RESULT));
        assertNotEquals(c, EmbeddingChallenge.derive(1000, 8, NONCE, "12".repeat(32), RESULT));
        assertNotEquals(c, EmbeddingChallenge.derive(1000, 8, NONCE, BLOCK, "23".repeat(32)));
    }

    @Test
    void theAcceptProbabilityIsHypergeometric() {
        assertEquals(1.0, EmbeddingChallenge.acceptProbability(100, 0, 8), 0);
        assertEquals(0.0, EmbeddingChallenge.acceptProbability(100, 100, 1), 0);
        // C(36, 8) / C(40, 8) = 30260340 / 76904685
        assertEquals(30260340.0 / 76904685.0, EmbeddingChallenge.acceptProbability(40, 4, 8), 1e-12);
        assertEquals(0.0, EmbeddingChallenge.acceptProbability(10, 3, 8), 0, "8 of 10 items cover any 3 wrong ones");
    }

    @Test
    void everyItemIsAsLikelyToBeDrawn() {
        int n = 50;
        int[] hits = new int[n];
        int jobs = 4000;
        for (int j = 0; j < jobs; j++) {
            byte[] nonce = new byte[32];
            nonce[0] = (byte) j;
            nonce[1] = (byte) (j >> 8);
            EmbeddingChallenge.derive(n, 5, nonce, BLOCK, RESULT).indices().forEach(i -> hits[i]++);
        }
        double expected = jobs * 5.0 / n; // 400 each, σ ≈ 19
        for (int h : hits) {
            assertTrue(Math.abs(h - expected) < 5 * Math.sqrt(expected), "item drawn " + h + " times, expected " + expected);
        }
    }
}
