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

    /** False for a placeholder that can only return jobs; {@code run} and {@code bench} refuse to start on it. */
    boolean available();

    /** For messages: "synthetic on the CPU, 16 threads", or why it is unavailable. */
    String describe();
}
