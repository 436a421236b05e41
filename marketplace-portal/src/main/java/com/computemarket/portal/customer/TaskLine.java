package com.computemarket.portal.customer;

import com.computemarket.market.domain.Task;
import com.computemarket.shared.Amount;
import java.time.Instant;
import java.util.UUID;

/** A task as the customer pages show it (status in its wire form), copied from the entity in the page bean. */
public record TaskLine(UUID id, String challengeType, String status, Amount reward, int jobsSettled, int jobCount,
                       Instant createdAt, String createdBy, Instant deadline, Instant finishedAt, String resultHash,
                       String failure, String payload) {

    static TaskLine of(Task t) {
        return new TaskLine(t.id(), t.challengeType(), t.status().wire(), t.reward(), t.jobsSettled(), t.jobCount(),
                t.createdAt(), t.createdBy(), t.deadline(), t.finishedAt(), t.resultHash(), t.failure(), t.payload());
    }
}
