package com.computemarket.market.application;

import java.util.UUID;

/** Port: what dispatch tells the rest of the platform, in the caller's (XA) transaction. */
public interface DispatchEvents {

    /** A worker's result was taken for the first time; verification picks it up (issue 4). */
    void resultSubmitted(UUID jobId);

    /** The job is DEAD (out of attempts or undeliverable); its task has been failed. */
    void jobDeadLettered(UUID jobId, UUID taskId, String reason);
}
