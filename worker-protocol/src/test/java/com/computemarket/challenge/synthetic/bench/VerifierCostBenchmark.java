package com.computemarket.challenge.synthetic.bench;

import com.computemarket.challenge.synthetic.Challenge;
import com.computemarket.challenge.synthetic.CpuBackend;
import com.computemarket.challenge.synthetic.Opening;
import com.computemarket.challenge.synthetic.ResultCommitment;
import com.computemarket.challenge.synthetic.RowHash;
import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.challenge.synthetic.Verdict;
import com.computemarket.challenge.synthetic.Verifier;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The verifier's cost per job against recomputing it. {@code verify}: a job of 10 iterations at n = 4096 (40960
 * rows), the default k = 64 rows and m = 16 columns: challenge derivation, 64 row hashes and Merkle paths, 64 rows
 * of A and 1024 columns of B from the generator, 1024 dot products of length n. The commitment's other rows are
 * stand-in hashes (the verifier's work does not depend on them; computing the real job takes minutes on 2 cores).
 * {@code computeOneIteration}: the CPU backend computing and hashing one iteration at n = 1024 and 2048, from which
 * the 10-iteration job at 4096 is extrapolated as n³ (docs/benchmarks.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VerifierCostBenchmark {

    @State(Scope.Benchmark)
    public static class VerifyState {
        final SyntheticJob job = new SyntheticJob("1234abcd5678ef90", 4096, 0, 10);
        final Verifier verifier = new Verifier();
        final byte[] nonce = new byte[32];
        final String block = "ab".repeat(32);
        String resultHash;
        Challenge challenge;
        List<Opening> openings;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[][] leaves = new byte[job.leafCount()][];
            for (int l = 0; l < leaves.length; l++) {
                leaves[l] = sha.digest(ByteBuffer.allocate(4).putInt(l).array());
            }
            // the challenge against a stand-in root; then the challenged rows computed for real and committed
            challenge = Challenge.derive(job, nonce, block, ResultCommitment.of(job, leaves).resultHash());
            List<int[]> rows = new CpuBackend().rows(job, challenge.leafIndices());
            for (int q = 0; q < rows.size(); q++) {
                leaves[challenge.leafIndices().get(q)] = RowHash.of(rows.get(q));
            }
            ResultCommitment commitment = ResultCommitment.of(job, leaves);
            resultHash = commitment.resultHash();
            openings = commitment.open(challenge, rows);
            Verdict verdict = verifier.verify(job, resultHash, challenge, openings);
            if (!verdict.accepted()) {
                throw new IllegalStateException(verdict.reason());
            }
        }
    }

    @State(Scope.Benchmark)
    public static class ComputeState {
        @Param({"1024", "2048"})
        public int n;
        SyntheticJob job;
        final CpuBackend backend = new CpuBackend();

        @Setup(Level.Trial)
        public void setUp() {
            job = new SyntheticJob("1234abcd5678ef90", n, 0, 1);
        }
    }

    /** What the server does per job: derive the challenge and check the 64 openings. */
    @Benchmark
    public Verdict verify(VerifyState s, Blackhole hole) {
        hole.consume(Challenge.derive(s.job, s.nonce, s.block, s.resultHash));
        return s.verifier.verify(s.job, s.resultHash, s.challenge, s.openings);
    }

    @Benchmark
    public String computeOneIteration(ComputeState s) {
        return s.backend.compute(s.job).resultHash();
    }
}
