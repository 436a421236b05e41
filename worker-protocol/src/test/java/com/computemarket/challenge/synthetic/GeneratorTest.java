package com.computemarket.challenge.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GeneratorTest {

    @Test
    void sameSeedSameMatricesAcrossInstances() {
        assertArrayEquals(new Generator("1234abcd").matrixA(3, 37), new Generator("1234abcd").matrixA(3, 37));
        assertArrayEquals(new Generator("1234abcd").matrixBTransposed(3, 37), new Generator("1234abcd").matrixBTransposed(3, 37));
    }

    @Test
    void everyElementIsComputableOnItsOwn() {
        Generator g = new Generator("c0ffee");
        int n = 21; // not a multiple of 8: the last word of a line is partly used
        for (int t : new int[] {0, 1, 9999}) {
            byte[] a = g.matrixA(t, n);
            byte[] b = g.matrixB(t, n);
            byte[] bt = g.matrixBTransposed(t, n);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(Arrays.copyOfRange(a, i * n, i * n + n), g.rowOfA(t, i, n));
                assertArrayEquals(Arrays.copyOfRange(bt, i * n, i * n + n), g.columnOfB(t, i, n));
                for (int j = 0; j < n; j++) {
                    assertEquals(g.a(t, i, j), a[i * n + j]);
                    assertEquals(g.b(t, i, j), b[i * n + j]);
                    assertEquals(b[i * n + j], bt[j * n + i]);
                }
            }
        }
    }

    @Test
    void aLineDoesNotDependOnTheMatrixSize() {
        Generator g = new Generator("c0ffee");
        byte[] small = g.rowOfA(0, 5, 16);
        byte[] large = g.rowOfA(0, 5, 1024);
        assertArrayEquals(small, Arrays.copyOf(large, 16));
    }

    @Test
    void seedIterationAndMatrixAllMatter() {
        Generator g = new Generator("c0ffee");
        assertFalse(Arrays.equals(g.matrixA(0, 16), new Generator("c0fffe").matrixA(0, 16)));
        assertFalse(Arrays.equals(g.matrixA(0, 16), g.matrixA(1, 16)));
        assertFalse(Arrays.equals(g.matrixA(0, 16), g.matrixBTransposed(0, 16)));
        // the seed is its text: "0abc" and "abc" are different seeds
        assertTrue(Generator.keyOf("0abc") != Generator.keyOf("abc"));
    }

    @Test
    void valuesCoverTheInt8RangeRoughlyUniformly() {
        byte[] a = new Generator("1234abcd5678ef90").matrixA(0, 256);
        int[] counts = new int[256];
        for (byte v : a) {
            counts[v & 0xFF]++;
        }
        // 65536 values, 256 each on average; a uniform source stays well inside ±30 %
        for (int c : counts) {
            assertTrue(c > 180 && c < 330, "count " + c);
        }
    }

    @Test
    void keyAndFirstWordAreThoseOfTheSpec() {
        // SplitMix64 from state key: the first output is mix(key + GAMMA), i.e. counter 0
        Generator g = new Generator("1234abcd5678ef90");
        assertEquals(Generator.splitmix64(g.key() + Generator.GAMMA), g.word(0, 0, 0, 0));
        // Vigna's splitmix64.c seeded with 0 gives 0xE220A8397B1DCDAF first
        assertEquals(0xE220A8397B1DCDAFL, Generator.splitmix64(Generator.GAMMA));
    }

    @Test
    void jobChecksItsFields() {
        assertThrows(IllegalArgumentException.class, () -> new SyntheticJob("XYZ", 16, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticJob("ab", 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticJob("ab", 16, -1, 1));
        SyntheticJob job = new SyntheticJob("ab", 16, 20, 10);
        assertEquals(160, job.leafCount());
        assertEquals(23, job.iterationOf(3 * 16 + 5));
        assertEquals(5, job.rowOf(3 * 16 + 5));
    }

    @Test
    void jobFromPayload() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(new SyntheticJob("1234abcd5678ef90", 1024, 20, 10), SyntheticJob.fromPayload(json.readTree(
                "{\"seed\":\"1234abcd5678ef90\",\"matrix_size\":1024,\"iterations\":10,\"first_iteration\":20}")));
        assertEquals(0, SyntheticJob.fromPayload(json.readTree("{\"seed\":\"ab\",\"matrix_size\":16,\"iterations\":1}"))
                .firstIteration());
        assertThrows(IllegalArgumentException.class,
                () -> SyntheticJob.fromPayload(json.readTree("{\"seed\":\"ab\",\"matrix_size\":\"16\",\"iterations\":1}")));
        assertThrows(IllegalArgumentException.class, () -> SyntheticJob.fromPayload(json.readTree("{\"matrix_size\":16}")));
    }
}
