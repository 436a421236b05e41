package com.computemarket.connector.backend;

import com.computemarket.challenge.synthetic.CpuBackend;
import com.computemarket.challenge.synthetic.ResultCommitment;
import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.workerprotocol.WireMessage.JobAssignment;
import java.util.concurrent.ForkJoinPool;

/**
 * Synthetic jobs on the CPU: the multithreaded, cache-blocked int8 product of worker-protocol's
 * {@link CpuBackend} (docs/protocol/synthetic-challenge.md); the result_hash is the Merkle root over the row hashes.
 */
public final class SyntheticCpuRunner implements JobRunner {

    private final ForkJoinPool pool;
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
        progress.progress(1, "committed");
        return new JobOutcome.Completed(commitment.resultHash(), null);
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
