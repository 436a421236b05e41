package com.computemarket.connector.backend;

import com.computemarket.workerprotocol.WireMessage.JobAssignment;

/**
 * The placeholder for a challenge type this build cannot compute: it returns every job (the server queues it again
 * for another worker) and never produces a result. {@code run} and {@code bench} refuse to start on it.
 */
public final class UnavailableBackend implements JobRunner {

    private final String reason;

    /** With the one line that says why jobs cannot run here ({@code --backend gpu} without a usable GPU). */
    public UnavailableBackend(String reason) {
        this.reason = reason;
    }

    /** For a challenge type this build has no backend for. */
    public static UnavailableBackend notInThisBuild(String challengeType) {
        return new UnavailableBackend(challengeType + " backend not available in this build");
    }

    @Override
    public JobOutcome run(JobAssignment job, ProgressListener progress) {
        return new JobOutcome.Returned(reason());
    }

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public String describe() {
        return reason();
    }

    public String reason() {
        return reason;
    }
}
