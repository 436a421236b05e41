package com.computemarket.challenge.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CpuBackendTest {

    private final CpuBackend backend = new CpuBackend();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 17, 31, 32, 33, 63, 64, 65, 100, 129, 200})
    void blockedEqualsNaive(int n) {
        Generator g = new Generator("1234abcd5678ef90");
        byte[] a = g.matrixA(2, n);
        int[] naive = NaiveProduct.multiply(a, g.matrixB(2, n), n);
        assertArrayEquals(naive, backend.multiply(a, g.matrixBTransposed(2, n), n));
    }

    /** Past K_BLOCK (1024) the k range is cut in slices; entries checked one by one against a plain dot product. */
    @Test
    void blockedEqualsDotProductsAcrossKSlices() {
        int n = 1100;
        Generator g = new Generator("c0ffee");
        byte[] a = g.matrixA(0, n);
        byte[] bt = g.matrixBTransposed(0, n);
        int[] c = new CpuBackend(new ForkJoinPool(2)).multiply(a, bt, n);
        Random random = new Random(7);
        for (int s = 0; s < 5000; s++) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            assertEquals(CpuBackend.dot(a, i * n, bt, j * n, 0, n), c[i * n + j], "C[" + i + "][" + j + "]");
        }
    }

    @Test
    void extremeValuesAccumulateExactly() {
        int n = 70;
        byte[] a = new byte[n * n];
        Arrays.fill(a, (byte) -128);
        int[] c = backend.multiply(a, a.clone(), n);
        assertEquals(n * 16384, c[0]);
        assertEquals(n * 16384, c[n * n - 1]);
    }

    @Test
    void jobCommitmentEqualsTheNaiveRowsAndRowsAreRecomputable() {
        SyntheticJob job = new SyntheticJob("1234abcd5678ef90", 37, 10, 3);
        Generator g = job.generator();
        List<int[]> rows = new ArrayList<>();
        for (int t = 0; t < job.iterations(); t++) {
            int it = job.firstIteration() + t;
            int[] c = NaiveProduct.multiply(g.matrixA(it, 37), g.matrixB(it, 37), 37);
            for (int i = 0; i < 37; i++) {
                rows.add(Arrays.copyOfRange(c, i * 37, i * 37 + 37));
            }
        }
        ResultCommitment commitment = backend.compute(job);
        assertEquals(ResultCommitment.ofRows(job, rows).resultHash(), commitment.resultHash());
        List<Integer> leaves = List.of(0, 110, 37, 74, 36);
        List<int[]> recomputed = backend.rows(job, leaves);
        for (int q = 0; q < leaves.size(); q++) {
            assertArrayEquals(rows.get(leaves.get(q)), recomputed.get(q));
        }
    }
}
