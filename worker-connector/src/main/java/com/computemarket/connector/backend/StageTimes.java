package com.computemarket.connector.backend;

import java.util.Locale;

/**
 * Where one job's time went, summed over its iterations: the device stages timed with CUDA events (generating A and
 * Bᵀ, the product, the row hashes, copying the hashes back), the Merkle tree on the host, and the whole job by the wall
 * clock. {@link #productTops} is 2·n³·iterations over the product's kernel time alone.
 */
public record StageTimes(int matrixSize, int iterations, double generateSeconds, double multiplySeconds,
                         double hashSeconds, double copySeconds, double commitSeconds, double totalSeconds) {

    /** int8 tera-operations per second of the product kernel (a multiply-add counts as two). */
    public double productTops() {
        return 2.0 * matrixSize * matrixSize * (double) matrixSize * iterations / multiplySeconds / 1e12;
    }

    /** Two lines for bench: the product's TOPS, then the end-to-end split. */
    public String describe() {
        return String.format(Locale.ROOT, "  matrix product: %d × 2·n³ int8 ops in %.4f s of kernel time: %.1f TOPS%n"
                        + "  end to end: generate %.4f s, multiply %.4f s, hash rows %.4f s, copy hashes %.4f s, "
                        + "commit (Merkle, host) %.4f s; job %.3f s",
                iterations, multiplySeconds, productTops(), generateSeconds, multiplySeconds, hashSeconds, copySeconds,
                commitSeconds, totalSeconds);
    }
}
