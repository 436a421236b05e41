package com.computemarket.market.domain;

import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's paid request for compute. Its reward is held in escrow when it is created; it completes when all its
 * jobs are settled, fails when a job dies, and can be cancelled while open. Jobs refer to it by id.
 */
@Entity
@Table(name = "task",
        uniqueConstraints = @UniqueConstraint(name = "task_idempotency", columnNames = {"organization", "idempotencyKey"}),
        indexes = {@Index(name = "task_org_status", columnList = "organization, status, createdAt")})
public class Task {

    @Id
    private UUID id;
    @Version
    private long version;
    @Column(nullable = false, length = 64)
    private String organization;
    @Column(nullable = false, length = 64)
    private String createdBy;
    @Column(nullable = false, length = 32)
    private String challengeType;
    // text, not @Lob: on PostgreSQL a @Lob String becomes a large object (oid), which needs a non-auto-commit
    // connection and leaks unless unlinked; text holds up to 1 GB and is a CLOB on H2
    @Column(nullable = false, columnDefinition = "text")
    private String payload;
    @Column(nullable = false, precision = 38, scale = 0)
    private Amount reward;
    private Instant deadline;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "varchar(16)")
    private TaskStatus status;
    private int jobCount;
    private int jobsSettled;
    @Column(length = 200)
    private String idempotencyKey;
    @Column(length = 64)
    private String requestDigest;
    @Column(nullable = false)
    private Instant createdAt;
    private Instant finishedAt;
    @Column(length = 128)
    private String resultHash;
    @Column(length = 64)
    private String resultWorkerAddress;
    @Column(length = 500)
    private String failure;

    protected Task() {
    }

    public Task(UUID id, String organization, String createdBy, String challengeType, String payloadJson, Amount reward,
                Instant deadline, int jobCount, String idempotencyKey, String requestDigest, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.organization = Objects.requireNonNull(organization);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.challengeType = Objects.requireNonNull(challengeType);
        this.payload = Objects.requireNonNull(payloadJson);
        this.reward = reward;
        this.deadline = deadline;
        this.jobCount = jobCount;
        this.idempotencyKey = idempotencyKey;
        this.requestDigest = requestDigest;
        this.status = TaskStatus.PENDING;
        this.createdAt = now;
    }

    /** The first lease of any of its jobs. */
    public void started() {
        if (status == TaskStatus.PENDING) {
            status = TaskStatus.IN_PROGRESS;
        }
    }

    /** One more job settled; true when that was the last one and the task is now complete. */
    public boolean jobSettled(String hash, String workerAddress, Instant now) {
        if (!status.isOpen()) {
            return false;
        }
        jobsSettled++;
        if (jobCount == 1 || resultHash == null) {
            resultHash = hash;
            resultWorkerAddress = workerAddress;
        }
        if (jobsSettled >= jobCount) {
            status = TaskStatus.COMPLETED;
            finishedAt = now;
            return true;
        }
        return false;
    }

    /** A job died or the deadline passed: the task fails; false when it was already closed. */
    public boolean fail(String reason, Instant now) {
        if (!status.isOpen()) {
            return false;
        }
        status = TaskStatus.FAILED;
        failure = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
        finishedAt = now;
        return true;
    }

    public void cancel(Instant now) {
        if (!status.isOpen()) {
            throw DomainException.conflict("task-not-open", "task " + id + " is " + status.wire() + " and can no longer be cancelled");
        }
        status = TaskStatus.CANCELLED;
        finishedAt = now;
    }

    public boolean pastDeadline(Instant now) {
        return deadline != null && status.isOpen() && now.isAfter(deadline);
    }

    public UUID id() { return id; }
    public String organization() { return organization; }
    public String createdBy() { return createdBy; }
    public String challengeType() { return challengeType; }
    public String payload() { return payload; }
    public Amount reward() { return reward; }
    public Instant deadline() { return deadline; }
    public TaskStatus status() { return status; }
    public int jobCount() { return jobCount; }
    public int jobsSettled() { return jobsSettled; }
    public String idempotencyKey() { return idempotencyKey; }
    public String requestDigest() { return requestDigest; }
    public Instant createdAt() { return createdAt; }
    public Instant finishedAt() { return finishedAt; }
    public String resultHash() { return resultHash; }
    public String resultWorkerAddress() { return resultWorkerAddress; }
    public String failure() { return failure; }
}
