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
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One piece of a task that one worker runs. Dispatched at least once (leases expire and the job goes back to the
 * queue), settled exactly once (results are taken by job id; state changes only through these methods).
 */
@Entity
@Table(name = "job", indexes = {
        @Index(name = "job_task", columnList = "taskId"),
        @Index(name = "job_status_lease", columnList = "status, leaseExpiresAt"),
        @Index(name = "job_worker", columnList = "workerId, status")})
public class Job {

    @Id
    private UUID id;
    @Version
    private long version;
    @Column(nullable = false)
    private UUID taskId;
    private int jobIndex;
    @Column(nullable = false, length = 32)
    private String challengeType;
    // text, not @Lob: on PostgreSQL a @Lob String becomes a large object (oid), which needs a non-auto-commit
    // connection and leaks unless unlinked; text holds up to 1 GB and is a CLOB on H2
    @Column(nullable = false, columnDefinition = "text")
    private String payload;
    @Column(nullable = false, precision = 38, scale = 0)
    private Amount reward;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "varchar(16)")
    private JobStatus status;
    private int attempts;
    private UUID workerId;
    private Instant leasedAt;
    private Instant leaseExpiresAt;
    @Column(length = 128)
    private String resultHash;
    @Column(columnDefinition = "text")
    private String proof;
    private Instant submittedAt;
    @Column(length = 500)
    private String failure;
    private Instant createdAt;
    private Instant finishedAt;
    /** When a JobReady message for this job was last sent; a QUEUED job announced long ago has lost its message. */
    private Instant announcedAt;
    /** Inference: the catalogue model the job runs (dispatch offers it only to workers holding it); null otherwise. */
    @Column(length = 64)
    private String modelId;
    /** Inference: charged whatever the job generates (null: the whole reward is the charge). */
    @Column(precision = 38, scale = 0)
    private Amount baseCharge;
    /** Inference text: the price of 1,000 generated tokens, charged for those really generated. */
    @Column(precision = 38, scale = 0)
    private Amount perThousandGenerated;
    /** SHA-256 (hex) of the stored output of the submitted result (market.job_output); null when none came. */
    @Column(length = 64)
    private String outputHash;
    /** Tokens the submitted text result generated. */
    private Integer generatedTokens;

    protected Job() {
    }

    public Job(UUID id, UUID taskId, int jobIndex, String challengeType, String payloadJson, Amount reward, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.taskId = Objects.requireNonNull(taskId);
        this.jobIndex = jobIndex;
        this.challengeType = Objects.requireNonNull(challengeType);
        this.payload = Objects.requireNonNull(payloadJson);
        this.reward = reward;
        this.status = JobStatus.QUEUED;
        this.createdAt = now;
        this.announcedAt = now;
    }

    /** An inference job: the model it runs and how it is charged at settlement ({@link #charge}). */
    public Job(UUID id, UUID taskId, int jobIndex, String challengeType, String payloadJson, InferencePrice price,
               String modelId, Instant now) {
        this(id, taskId, jobIndex, challengeType, payloadJson, price.share(), now);
        this.modelId = modelId;
        this.baseCharge = price.base();
        this.perThousandGenerated = price.perThousandGenerated();
    }

    /** A JobReady message for this job was sent now. */
    public void announced(Instant now) {
        announcedAt = now;
    }

    /** Hands the job to {@code worker} until now + ttl; only a QUEUED job can be leased. */
    public Lease leaseTo(UUID worker, Instant now, Duration ttl) {
        if (status != JobStatus.QUEUED) {
            throw DomainException.conflict("job-not-queued", "job " + id + " is " + status + ", not QUEUED");
        }
        status = JobStatus.LEASED;
        workerId = worker;
        attempts++;
        leasedAt = now;
        leaseExpiresAt = now.plus(ttl);
        return currentLease();
    }

    /** A heartbeat from the lease holder pushes the expiry out; false when the job is no longer leased to it. */
    public boolean renewLease(UUID worker, Instant now, Duration ttl) {
        if (status != JobStatus.LEASED || !worker.equals(workerId) || !now.isBefore(leaseExpiresAt)) {
            return false;
        }
        leaseExpiresAt = now.plus(ttl);
        return true;
    }

    public boolean leaseExpired(Instant now) {
        return status == JobStatus.LEASED && !now.isBefore(leaseExpiresAt);
    }

    /** Takes an expired lease back: the job is queued again (the caller re-enqueues it) or, out of attempts, dead. */
    public JobStatus expireLease(Instant now, int maxAttempts) {
        if (!leaseExpired(now)) {
            return status;
        }
        clearLease();
        if (attempts >= maxAttempts) {
            deadLetter("lease expired " + attempts + " times", now);
        } else {
            status = JobStatus.QUEUED;
        }
        return status;
    }

    /** Gives a lease back at once (the worker said it cannot finish), keeping the attempt count. */
    public boolean returnLease(UUID worker) {
        if (status != JobStatus.LEASED || !worker.equals(workerId)) {
            return false;
        }
        status = JobStatus.QUEUED;
        clearLease();
        return true;
    }

    public void deadLetter(String reason, Instant now) {
        if (status.isFinal()) {
            return;
        }
        status = JobStatus.DEAD;
        failure = truncate(reason);
        finishedAt = now;
    }

    /**
     * Takes the lease holder's result. The same result for the same job again answers DUPLICATE and changes nothing,
     * so a worker may resend after a reconnect; anyone else's result, or a different one, is refused.
     */
    public SubmitOutcome submit(UUID worker, String hash, String proofJson, Instant now) {
        return submit(worker, hash, proofJson, null, null, now);
    }

    /** As {@link #submit(UUID, String, String, Instant)}, with the hash of the stored output and its generated tokens. */
    public SubmitOutcome submit(UUID worker, String hash, String proofJson, String outputSha256, Integer generated, Instant now) {
        if (hash == null || hash.isBlank()) {
            throw DomainException.invalid("invalid-result", "result_hash is required");
        }
        if (status == JobStatus.SUBMITTED || status == JobStatus.SETTLED || status == JobStatus.REJECTED) {
            if (worker.equals(workerId) && hash.equals(resultHash)) {
                return SubmitOutcome.DUPLICATE;
            }
            throw DomainException.conflict("result-already-taken", "job " + id + " already has a result");
        }
        if (status != JobStatus.LEASED || !worker.equals(workerId)) {
            throw DomainException.conflict("job-not-leased-to-worker", "job " + id + " is not leased to this worker");
        }
        status = JobStatus.SUBMITTED;
        resultHash = hash;
        proof = proofJson;
        outputHash = outputSha256;
        generatedTokens = generated;
        submittedAt = now;
        leaseExpiresAt = null;
        return SubmitOutcome.ACCEPTED;
    }

    /** Verified and paid; only a SUBMITTED job settles, and only once. */
    public boolean settle(Instant now) {
        if (status == JobStatus.SETTLED) {
            return false;
        }
        if (status != JobStatus.SUBMITTED) {
            throw DomainException.conflict("job-not-submitted", "job " + id + " is " + status + ", not SUBMITTED");
        }
        status = JobStatus.SETTLED;
        finishedAt = now;
        return true;
    }

    /** Verification refused the result: not paid. */
    public boolean reject(String reason, Instant now) {
        if (status == JobStatus.REJECTED) {
            return false;
        }
        if (status != JobStatus.SUBMITTED) {
            throw DomainException.conflict("job-not-submitted", "job " + id + " is " + status + ", not SUBMITTED");
        }
        status = JobStatus.REJECTED;
        failure = truncate(reason);
        finishedAt = now;
        return true;
    }

    /**
     * After a rejected result the job is tried again by the queue (the customer paid for the work, not for a verdict),
     * or, when it has been leased {@code maxAttempts} times, it dies and its task fails. Answers the new status.
     */
    public JobStatus retryAfterRejection(int maxAttempts, Instant now) {
        if (status != JobStatus.REJECTED) {
            return status;
        }
        clearLease();
        resultHash = null;
        proof = null;
        outputHash = null;
        generatedTokens = null;
        submittedAt = null;
        if (attempts >= maxAttempts) {
            status = JobStatus.DEAD;
            failure = truncate("rejected on its last attempt (" + attempts + "): " + failure);
            finishedAt = now;
        } else {
            status = JobStatus.QUEUED;
            finishedAt = null;
        }
        return status;
    }

    /** The task was cancelled: a job not yet finished stops here (a late result is refused). */
    public boolean cancel(Instant now) {
        if (status.isFinal() || status == JobStatus.SUBMITTED) {
            return false;
        }
        status = JobStatus.CANCELLED;
        finishedAt = now;
        return true;
    }

    public Lease currentLease() {
        if (status != JobStatus.LEASED) {
            throw DomainException.conflict("job-not-leased", "job " + id + " is " + status);
        }
        return new Lease(id, taskId, workerId, attempts, leaseExpiresAt);
    }

    /**
     * What settling this job takes from escrow: its reward, except for a text-generation job, which is charged its
     * input part plus the tokens it really generated (never more than its reward); the rest stays in the hold and goes
     * back to the customer when the task closes.
     */
    public Amount charge() {
        if (baseCharge == null || perThousandGenerated == null) {
            return reward;
        }
        return new InferencePrice(reward, baseCharge, perThousandGenerated).charge(generatedTokens == null ? 0 : generatedTokens);
    }

    private void clearLease() {
        workerId = null;
        leasedAt = null;
        leaseExpiresAt = null;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    public UUID id() { return id; }
    public UUID taskId() { return taskId; }
    public int index() { return jobIndex; }
    public String challengeType() { return challengeType; }
    public String payload() { return payload; }
    public Amount reward() { return reward; }
    public JobStatus status() { return status; }
    public int attempts() { return attempts; }
    public UUID workerId() { return workerId; }
    public Instant leasedAt() { return leasedAt; }
    public Instant leaseExpiresAt() { return leaseExpiresAt; }
    public String resultHash() { return resultHash; }
    public String proof() { return proof; }
    public Instant submittedAt() { return submittedAt; }
    public String failure() { return failure; }
    public Instant createdAt() { return createdAt; }
    public Instant finishedAt() { return finishedAt; }
    public Instant announcedAt() { return announcedAt; }
    public String modelId() { return modelId; }
    public String outputHash() { return outputHash; }
    public Integer generatedTokens() { return generatedTokens; }
}
