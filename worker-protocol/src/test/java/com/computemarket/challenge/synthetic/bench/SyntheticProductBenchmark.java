package com.computemarket.challenge.synthetic.bench;

import com.computemarket.challenge.synthetic.CpuBackend;
import com.computemarket.challenge.synthetic.Generator;
import com.computemarket.challenge.synthetic.NaiveProduct;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One n×n int8 product (C = A·B, int32) three ways: the naive triple loop (row-major B, one thread), the blocked
 * kernel on one thread, and the CPU backend (blocked, fork/join over all cores). Generation of A and B is outside
 * the measurement. MAC/s = n³ / time. Run with the command in docs/benchmarks.md; not part of {@code mvn test}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SyntheticProductBenchmark {

    @Param({"256", "512", "1024"})
    public int n;

    private byte[] a;
    private byte[] b;
    private byte[] bt;
    private ForkJoinPool pool;
    private CpuBackend backend;

    @Setup
    public void setUp() {
        Generator g = new Generator("1234abcd5678ef90");
        a = g.matrixA(0, n);
        b = g.matrixB(0, n);
        bt = g.matrixBTransposed(0, n);
        pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        backend = new CpuBackend(pool);
    }

    @TearDown
    public void tearDown() {
        pool.shutdown();
    }

    @Benchmark
    public int[] naive() {
        return NaiveProduct.multiply(a, b, n);
    }

    @Benchmark
    public int[] blockedOneThread() {
        int[] c = new int[n * n];
        CpuBackend.multiplyRows(a, bt, n, 0, n, c, 0);
        return c;
    }

    @Benchmark
    public int[] blockedAllCores() {
        return backend.multiply(a, bt, n);
    }
}
