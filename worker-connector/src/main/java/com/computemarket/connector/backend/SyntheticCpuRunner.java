package com.computemarket.connector.backend;

import com.computemarket.challenge.synthetic.CpuBackend;
import com.computemarket.challenge.synthetic.ResultCommitment;
import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.challenge.synthetic.Opening;
import com.computemarket.workerprotocol.WireMessage.JobAssignment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;

/**
 * Synthetic jobs on the CPU: the multithreaded, cache-blocked int8 product of worker-protocol's
 * {@link CpuBackend} (docs/protocol/synthetic-challenge.md); the result_hash is the Merkle root over the row hashes.
 */
public final class SyntheticCpuRunner implements JobRunner {

    /** Commitments kept for challenges (row hashes only: ~1.3 MB for 10 iterations at n = 4096). */
    static final int KEPT_COMMITMENTS = 32;

    private final ForkJoinPool pool;
    private final Map<UUID, ResultCommitment> kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, ResultCommitment> eldest) {
            return size() > KEPT_COMMITMENTS;
        }
    });
    private final CpuBackend backend;

    public SyntheticCpuRunner(int threads) {
        this.pool = new ForkJoinPool(threads);
        this.backend = new CpuBackend(pool);
    }

    public SyntheticCpuRunner() {
        this(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public JobOutcome run(JobAssignment job, ProgressListener progress) throws InterruptedException {
        SyntheticJob synthetic;
        try {
            synthetic = SyntheticJob.fromPayload(job.payload());
        } catch (IllegalArgumentException e) {
            return new JobOutcome.Returned("not a synthetic payload this backend can run: " + e.getMessage());
        }
        progress.progress(0, "multiplying " + synthetic.iterations() + " × n=" + synthetic.matrixSize());
        ResultCommitment commitment = backend.compute(synthetic);
        if (Thread.interrupted()) {
            throw new InterruptedException("stopped while job " + job.jobId() + " ran");
        }
        kept.put(job.jobId(), commitment);
        progress.progress(1, "committed");
        return new JobOutcome.Completed(commitment.resultHash(), null);
    }

    /** Recomputes the challenged rows of a kept commitment (one row costs one row of the product) with their paths. */
    @Override
    public Optional<List<Opening>> open(UUID jobId, List<Integer> leafIndices) {
        ResultCommitment commitment = kept.get(jobId);
        if (commitment == null || leafIndices.stream().anyMatch(i -> i >= commitment.job().leafCount())) {
            return Optional.empty();
        }
        return Optional.of(backend.open(commitment, leafIndices));
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public String describe() {
        return "synthetic on the CPU, " + pool.getParallelism() + " threads";
    }
}
