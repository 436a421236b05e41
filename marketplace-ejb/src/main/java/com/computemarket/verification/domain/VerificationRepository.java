package com.computemarket.verification.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Verifications by id, by job and by status; {@link #lock} serialises the steps on one verification. */
public interface VerificationRepository {
    void add(Verification verification);
    /** The job's latest verification (of its latest result). */
    Optional<Verification> ofJob(UUID jobId);
    Optional<Verification> ofJob(UUID jobId, int attempt);
    /** The latest verification with its row locked and re-read; empty when the job has none. */
    Optional<Verification> lockOfJob(UUID jobId);
    Verification lock(UUID id);
    /** The oldest first, at most {@code limit}. */
    List<Verification> inStatus(VerificationStatus status, int limit);
    List<Verification> ofWorker(UUID workerId, Collection<VerificationStatus> statuses);
    List<Verification> ofTask(UUID taskId);
    /**
     * Synthetic jobs whose current result was taken before {@code before} and has no verification: its
     * ResultSubmitted message was lost or parked on the dead-letter queue. The oldest first.
     */
    List<UUID> unverifiedResults(Collection<String> challengeTypes, java.time.Instant before, int limit);
    /** Workers with a result in one of {@code statuses}. */
    List<UUID> workersWith(Collection<VerificationStatus> statuses);
}
