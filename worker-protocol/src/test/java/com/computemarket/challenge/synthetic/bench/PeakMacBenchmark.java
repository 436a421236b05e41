package com.computemarket.challenge.synthetic.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The scalar Java int8 multiply-add ceiling of this machine: 2 × 4 dot products over 4 KiB of L1-resident bytes
 * (8 independent accumulators, no memory traffic beyond L1): the best the blocked kernel's inner loop can reach
 * per core. Throughput in invocations/s; × {@value #MACS} = MAC/s. The hardware's SIMD peak (AVX-512 VNNI) is far
 * above this and is estimated in docs/benchmarks.md, not measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PeakMacBenchmark {

    static final int LEN = 4096;
    static final int MACS = 8 * LEN;

    private final byte[][] x = new byte[2][LEN];
    private final byte[][] y = new byte[4][LEN];

    @Setup
    public void setUp() {
        java.util.Random r = new java.util.Random(1);
        for (byte[] v : x) {
            r.nextBytes(v);
        }
        for (byte[] v : y) {
            r.nextBytes(v);
        }
    }

    @Benchmark
    @OperationsPerInvocation(MACS)
    public int oneCore() {
        return tile();
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(MACS)
    public int twoCores() {
        return tile();
    }

    private int tile() {
        byte[] a0 = x[0];
        byte[] a1 = x[1];
        byte[] b0 = y[0];
        byte[] b1 = y[1];
        byte[] b2 = y[2];
        byte[] b3 = y[3];
        int s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        for (int k = 0; k < LEN; k++) {
            int p = a0[k];
            int q = a1[k];
            int u = b0[k];
            int v = b1[k];
            int w = b2[k];
            int z = b3[k];
            s00 += p * u;
            s01 += p * v;
            s02 += p * w;
            s03 += p * z;
            s10 += q * u;
            s11 += q * v;
            s12 += q * w;
            s13 += q * z;
        }
        return s00 ^ s01 ^ s02 ^ s03 ^ s10 ^ s11 ^ s12 ^ s13;
    }
}
