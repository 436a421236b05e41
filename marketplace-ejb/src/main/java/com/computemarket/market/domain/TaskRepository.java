package com.computemarket.market.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface TaskRepository {
    void add(Task task);
    Optional<Task> find(UUID id);
    Task require(UUID id);
    Task lock(UUID id);
    Optional<Task> byIdempotencyKey(String organization, String key);
    /** A page of tasks; {@code organization} null means all organizations. */
    List<Task> page(String organization, TaskStatus status, String challengeType, int limit, int offset);
    long count(String organization, TaskStatus status, String challengeType);
    /** The status of each of these tasks that exists; {@code organization} null means of any organization. */
    java.util.Map<UUID, TaskStatus> statuses(java.util.Collection<UUID> ids, String organization);
    /** PENDING → IN_PROGRESS without touching the version (many jobs of one task are leased at once). */
    void markStarted(UUID id);
    /** Open tasks whose deadline is before {@code now}. */
    List<Task> overdue(java.time.Instant now, int limit);
}
