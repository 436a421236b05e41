package com.computemarket.connector.backend;

import com.computemarket.challenge.synthetic.CpuBackend;
import com.computemarket.challenge.synthetic.ResultCommitment;
import com.computemarket.challenge.synthetic.SyntheticJob;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;

/**
 * Synthetic jobs on the CPU: the multithreaded, cache-blocked int8 product of worker-protocol's
 * {@link CpuBackend} (docs/protocol/synthetic-challenge.md); the result_hash is the Merkle root over the row hashes.
 */
public final class SyntheticCpuRunner extends SyntheticRunner {

    private final ForkJoinPool pool;
    private final CpuBackend backend;

    public SyntheticCpuRunner(int threads) {
        this(threads, null);
    }

    /** @param cheat testing only: commits to zeros for some rows (see {@link SyntheticRunner.Cheat}); null for an honest runner */
    public SyntheticCpuRunner(int threads, Cheat cheat) {
        super(cheat);
        this.pool = new ForkJoinPool(threads);
        this.backend = new CpuBackend(pool);
    }

    public SyntheticCpuRunner() {
        this(Runtime.getRuntime().availableProcessors());
    }

    @Override
    protected ResultCommitment commit(UUID jobId, SyntheticJob job, ProgressListener progress) {
        return backend.compute(job);
    }

    @Override
    protected List<int[]> rows(SyntheticJob job, List<Integer> leafIndices) {
        return backend.rows(job, leafIndices);
    }

    @Override
    public String describe() {
        return "synthetic on the CPU, " + pool.getParallelism() + " threads" + cheatNotice();
    }
}
