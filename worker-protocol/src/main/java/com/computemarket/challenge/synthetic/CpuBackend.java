package com.computemarket.challenge.synthetic;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.stream.IntStream;

/**
 * The CPU backend: C = A·B for int8 A, B with exact int32 accumulation, multithreaded over blocks of rows
 * (fork/join) and cache-blocked. B is generated column-major (Bᵀ), so every inner loop is a dot product of two
 * contiguous byte runs; the k range is cut into {@link #K_BLOCK} slices and the columns into {@link #J_BLOCK}
 * groups so that a slice of Bᵀ ({@code J_BLOCK × K_BLOCK} bytes, 64 KiB) stays in cache while a block of
 * {@link #ROW_BLOCK} rows of A passes over it; the micro-kernel keeps a 2 × 4 tile of C in registers.
 */
public final class CpuBackend {

    public static final int ROW_BLOCK = 32;
    public static final int K_BLOCK = 1024;
    public static final int J_BLOCK = 64;

    private final ForkJoinPool pool;

    /** On the common fork/join pool (all cores). */
    public CpuBackend() {
        this(ForkJoinPool.commonPool());
    }

    public CpuBackend(ForkJoinPool pool) {
        this.pool = pool;
    }

    /** C = A·B, A row-major and B given transposed (Bᵀ row-major, as {@link Generator#matrixBTransposed}); C row-major. */
    public int[] multiply(byte[] a, byte[] bt, int n) {
        int[] c = new int[n * n];
        pool.invoke(new Rows(0, n, ROW_BLOCK, (r0, r1) -> multiplyRows(a, bt, n, r0, r1, c, r0 * n)));
        return c;
    }

    /**
     * Computes the job: every iteration's A and Bᵀ from the generator, the product block by block, each row hashed
     * as soon as its block is done (C is never held whole). Memory: 2·n² bytes plus a block of rows per thread.
     */
    public ResultCommitment compute(SyntheticJob job) {
        int n = job.matrixSize();
        Generator generator = job.generator();
        byte[][] leaves = new byte[job.leafCount()][];
        for (int t = 0; t < job.iterations(); t++) {
            int iteration = job.firstIteration() + t;
            byte[] a = new byte[n * n];
            byte[] bt = new byte[n * n];
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
                generator.rowOfA(iteration, i, n, a, i * n);
                generator.columnOfB(iteration, i, n, bt, i * n);
            })).join();
            int base = t * n;
            pool.invoke(new Rows(0, n, ROW_BLOCK, (r0, r1) -> {
                int[] block = new int[(r1 - r0) * n];
                multiplyRows(a, bt, n, r0, r1, block, 0);
                MessageDigest digest = Generator.digest();
                byte[] scratch = new byte[4 * n];
                for (int i = r0; i < r1; i++) {
                    leaves[base + i] = RowHash.of(block, (i - r0) * n, n, digest, scratch);
                }
            }));
        }
        return ResultCommitment.of(job, leaves);
    }

    /**
     * The worker's answer to a challenge: recomputes the challenged rows (C is not kept) and opens them against
     * the commitment {@link #compute} made; in the order of {@code leafIndices}.
     */
    public List<Opening> open(ResultCommitment commitment, List<Integer> leafIndices) {
        return commitment.open(leafIndices, rows(commitment.job(), leafIndices));
    }

    /** Several rows of the job's result, generating each iteration's Bᵀ once; in the order asked. */
    public List<int[]> rows(SyntheticJob job, List<Integer> leafIndices) {
        int n = job.matrixSize();
        Generator generator = job.generator();
        int[][] out = new int[leafIndices.size()][];
        for (int t = 0; t < job.iterations(); t++) {
            int iteration = job.firstIteration() + t;
            List<Integer> wanted = new ArrayList<>();
            for (int q = 0; q < leafIndices.size(); q++) {
                if (job.iterationOf(leafIndices.get(q)) == iteration) {
                    wanted.add(q);
                }
            }
            if (wanted.isEmpty()) {
                continue;
            }
            byte[] bt = generator.matrixBTransposed(iteration, n);
            pool.submit(() -> wanted.parallelStream().forEach(q -> {
                byte[] a = generator.rowOfA(iteration, job.rowOf(leafIndices.get(q)), n);
                int[] c = new int[n];
                multiplyRows(a, bt, n, 0, 1, c, 0);
                out[q] = c;
            })).join();
        }
        return List.of(out);
    }

    /**
     * Rows {@code r0 … r1−1} of C = A·B into {@code c[offset + (i − r0)·n + j]}, single-threaded, cache-blocked
     * over k and j with a 2 × 4 register tile.
     */
    public static void multiplyRows(byte[] a, byte[] bt, int n, int r0, int r1, int[] c, int offset) {
        for (int kk = 0; kk < n; kk += K_BLOCK) {
            int kEnd = Math.min(n, kk + K_BLOCK);
            for (int jj = 0; jj < n; jj += J_BLOCK) {
                int jEnd = Math.min(n, jj + J_BLOCK);
                int i = r0;
                for (; i + 1 < r1; i += 2) {
                    int a0 = i * n;
                    int a1 = a0 + n;
                    int c0 = offset + (i - r0) * n;
                    int c1 = c0 + n;
                    int j = jj;
                    for (; j + 3 < jEnd; j += 4) {
                        int b0 = j * n;
                        int b1 = b0 + n;
                        int b2 = b1 + n;
                        int b3 = b2 + n;
                        int s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                        for (int k = kk; k < kEnd; k++) {
                            int x0 = a[a0 + k];
                            int x1 = a[a1 + k];
                            int y0 = bt[b0 + k];
                            int y1 = bt[b1 + k];
                            int y2 = bt[b2 + k];
                            int y3 = bt[b3 + k];
                            s00 += x0 * y0;
                            s01 += x0 * y1;
                            s02 += x0 * y2;
                            s03 += x0 * y3;
                            s10 += x1 * y0;
                            s11 += x1 * y1;
                            s12 += x1 * y2;
                            s13 += x1 * y3;
                        }
                        c[c0 + j] += s00;
                        c[c0 + j + 1] += s01;
                        c[c0 + j + 2] += s02;
                        c[c0 + j + 3] += s03;
                        c[c1 + j] += s10;
                        c[c1 + j + 1] += s11;
                        c[c1 + j + 2] += s12;
                        c[c1 + j + 3] += s13;
                    }
                    for (; j < jEnd; j++) {
                        c[c0 + j] += dot(a, a0, bt, j * n, kk, kEnd);
                        c[c1 + j] += dot(a, a1, bt, j * n, kk, kEnd);
                    }
                }
                for (; i < r1; i++) {
                    int a0 = i * n;
                    int c0 = offset + (i - r0) * n;
                    for (int j = jj; j < jEnd; j++) {
                        c[c0 + j] += dot(a, a0, bt, j * n, kk, kEnd);
                    }
                }
            }
        }
    }

    /** Σ a[ai + k]·b[bi + k] for k in [from, to). */
    public static int dot(byte[] a, int ai, byte[] b, int bi, int from, int to) {
        int s = 0;
        for (int k = from; k < to; k++) {
            s += a[ai + k] * b[bi + k];
        }
        return s;
    }

    /** Row indices → split in halves down to a block, each block run by {@code body}. */
    private static final class Rows extends RecursiveAction {
        private final int from;
        private final int to;
        private final int block;
        private final RowRange body;

        Rows(int from, int to, int block, RowRange body) {
            this.from = from;
            this.to = to;
            this.block = block;
            this.body = body;
        }

        @Override
        protected void compute() {
            if (to - from <= block) {
                body.run(from, to);
                return;
            }
            int mid = from + ((to - from) / 2 + block - 1) / block * block;
            invokeAll(new Rows(from, Math.min(mid, to), block, body), new Rows(Math.min(mid, to), to, block, body));
        }
    }

    @FunctionalInterface
    private interface RowRange {
        void run(int from, int to);
    }
}
