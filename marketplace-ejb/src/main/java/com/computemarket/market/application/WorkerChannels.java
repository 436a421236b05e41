package com.computemarket.market.application;

import java.util.Optional;
import java.util.UUID;

/**
 * Port: the connected workers as dispatch sees them (implemented by the worker gateway, market.infrastructure.WorkerHub). A slot is
 * one job a worker runs at once: reserved before the lease is written, bound to the job when it is pushed after
 * commit, and freed when the job leaves the worker (result, return, expiry) or when the lease did not commit.
 */
public interface WorkerChannels {

    /** Takes a free slot of a connected worker that runs {@code challengeType}; empty when none is free. */
    Optional<UUID> reserve(String challengeType);

    /**
     * Takes a free slot of a connected worker that runs {@code challengeType} and, when {@code modelId} is not null,
     * announced in its hello that it holds that catalogue model (an inference job runs only where its model is).
     */
    default Optional<UUID> reserve(String challengeType, String modelId) {
        return modelId == null ? reserve(challengeType) : Optional.empty();
    }

    /** Gives back a reserved slot whose lease did not commit. */
    void cancelReservation(UUID workerId);

    /** Binds the reserved slot to the job and sends it (after commit); a worker gone meanwhile simply misses it. */
    void push(UUID workerId, JobPush job);

    /** The job no longer occupies a slot of that worker (result taken, returned, lease expired or cancelled). */
    void release(UUID workerId, UUID jobId);

    /** Whether the worker has a live connection to this server (the portal shows it as online). */
    default boolean connected(UUID workerId) {
        return false;
    }
}
