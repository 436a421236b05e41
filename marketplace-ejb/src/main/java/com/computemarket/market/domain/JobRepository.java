package com.computemarket.market.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Jobs by id, by task, by lease holder, and those whose lease ran out. */
public interface JobRepository {
    void add(Job job);
    Optional<Job> find(UUID id);
    Job require(UUID id);
    /** Locks the row (PESSIMISTIC_WRITE) so that two results or a result and the lease reaper serialise. */
    Job lock(UUID id);
    List<Job> ofTask(UUID taskId);
    List<Job> leasedTo(UUID workerId);
    List<Job> expiredLeases(Instant now, int limit);
    /** QUEUED jobs whose last announcement is older than {@code before} (their JobReady message was lost). */
    List<Job> silentlyQueued(Instant before, int limit);
}
