package com.computemarket.inference.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits a matrix-vector product across a fixed number of threads by output rows only: each output element is one
 * dot product computed whole by one thread, so the thread count cannot change any result bit.
 */
final class RowParallel implements AutoCloseable {

    interface Rows {
        void run(int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    RowParallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "gguf-rows");
            t.setDaemon(true);
            return t;
        });
    }

    int threads() {
        return threads;
    }

    void forRows(int rows, Rows work) {
        if (pool == null || rows < 64) {
            work.run(0, rows);
            return;
        }
        int chunk = (rows + threads - 1) / threads;
        List<Future<?>> futures = new ArrayList<>(threads - 1);
        for (int t = 1; t < threads; t++) {
            int from = Math.min(rows, t * chunk);
            int to = Math.min(rows, from + chunk);
            if (from < to) {
                futures.add(pool.submit(() -> work.run(from, to)));
            }
        }
        work.run(0, Math.min(rows, chunk));
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a matrix product", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a matrix product failed", e.getCause());
        }
    }

    /** out[r] = m.row(r) · x for every row. */
    void matvec(Matrix m, float[] x, float[] out) {
        forRows(m.rows, (from, to) -> {
            for (int r = from; r < to; r++) {
                out[r] = m.dot(r, x);
            }
        });
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
