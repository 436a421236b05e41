package com.computemarket.connector.backend;

import com.computemarket.workerprotocol.WireMessage.JobAssignment;

/**
 * The port to a compute backend: runs one job and says what to send back. Called on a worker thread of the run
 * loop; it should stop early (and return {@link JobOutcome.Returned}) when that thread is interrupted, which
 * happens when a shutdown's grace period ends.
 */
public interface JobRunner {

    /** Runs the job; never invents a result: a backend that cannot compute returns the job instead. */
    JobOutcome run(JobAssignment job, ProgressListener progress) throws InterruptedException;

    /**
     * Opens the given leaves (rows) of a result this runner committed to, for the verifier's challenge; empty when it
     * holds no such result (another process computed it, or it was forgotten).
     */
    default java.util.Optional<java.util.List<com.computemarket.challenge.synthetic.Opening>> open(
            java.util.UUID jobId, java.util.List<Integer> leafIndices) {
        return java.util.Optional.empty();
    }

    /** The result_hash this runner committed to for the job, while it still holds it. */
    default java.util.Optional<String> committedResult(java.util.UUID jobId) {
        return java.util.Optional.empty();
    }

    /** False for a placeholder that can only return jobs; {@code run} and {@code bench} refuse to start on it. */
    boolean available();

    /** For messages: "synthetic on the CPU, 16 threads", or why it is unavailable. */
    String describe();
}
