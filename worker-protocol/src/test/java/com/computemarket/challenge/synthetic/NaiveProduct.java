package com.computemarket.challenge.synthetic;

/** The reference: the textbook triple loop over row-major A and B, single-threaded. Slow; for tests and the benchmark. */
public final class NaiveProduct {

    private NaiveProduct() {
    }

    /** C = A·B, all row-major, int32 accumulation. */
    public static int[] multiply(byte[] a, byte[] b, int n) {
        int[] c = new int[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[i * n + k] * b[k * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }
}
