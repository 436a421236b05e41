package com.computemarket.connector.backend;

import com.computemarket.workerprotocol.WireMessage.JobAssignment;

/**
 * The placeholder for a challenge type this build cannot compute: it returns every job (the server queues it again
 * for another worker) and never produces a result. {@code run} and {@code bench} refuse to start on it.
 */
public final class UnavailableBackend implements JobRunner {

    private final String challengeType;

    public UnavailableBackend(String challengeType) {
        this.challengeType = challengeType;
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
        return challengeType + " backend not available in this build";
    }
}
