package com.computemarket.challenge.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeTest {

    static final SyntheticJob JOB = new SyntheticJob("1234abcd5678ef90", 1024, 0, 10);
    static final byte[] NONCE = Generator.sha256(new byte[] {42});
    static final String BLOCK = "ab".repeat(32);
    static final String RESULT = "cd".repeat(32);

    @Test
    void deterministicDistinctAndInRange() {
        Challenge c = Challenge.derive(JOB, NONCE, BLOCK, RESULT);
        assertEquals(c, Challenge.derive(JOB, NONCE.clone(), BLOCK, RESULT));
        assertEquals(Challenge.DEFAULT_ROWS, c.rows().size());
        assertEquals(Challenge.DEFAULT_ROWS, new HashSet<>(c.leafIndices()).size());
        for (Challenge.ChallengedRow row : c.rows()) {
            assertTrue(row.leafIndex() >= 0 && row.leafIndex() < JOB.leafCount());
            assertEquals(Challenge.DEFAULT_COLUMNS, row.columns().length);
            assertEquals(Challenge.DEFAULT_COLUMNS, java.util.Arrays.stream(row.columns()).distinct().count());
            for (int j : row.columns()) {
                assertTrue(j >= 0 && j < 1024);
            }
        }
    }

    @Test
    void dependsOnTheBlockHashTheNonceAndTheCommitment() {
        List<Integer> base = Challenge.derive(JOB, NONCE, BLOCK, RESULT).leafIndices();
        assertNotEquals(base, Challenge.derive(JOB, NONCE, "ac" + "ab".repeat(31), RESULT).leafIndices());
        assertNotEquals(base, Challenge.derive(JOB, Generator.sha256(new byte[] {43}), BLOCK, RESULT).leafIndices());
        assertNotEquals(base, Challenge.derive(JOB, NONCE, BLOCK, "ce" + "cd".repeat(31)).leafIndices());
    }

    @Test
    void aSmallJobIsOpenedWhole() {
        SyntheticJob small = new SyntheticJob("ab", 4, 0, 2);
        Challenge c = Challenge.derive(small, NONCE, BLOCK, RESULT, 64, 16);
        assertEquals(8, c.rows().size());
        assertEquals(new HashSet<>(List.of(0, 1, 2, 3, 4, 5, 6, 7)), new HashSet<>(c.leafIndices()));
        assertEquals(4, c.rows().get(0).columns().length);
    }

    @Test
    void refusesMalformedInputs() {
        assertThrows(IllegalArgumentException.class, () -> Challenge.derive(JOB, new byte[31], BLOCK, RESULT));
        assertThrows(IllegalArgumentException.class, () -> Challenge.derive(JOB, NONCE, "abc", RESULT));
        assertThrows(IllegalArgumentException.class, () -> Challenge.derive(JOB, NONCE, BLOCK, RESULT, 0, 1));
    }
}
