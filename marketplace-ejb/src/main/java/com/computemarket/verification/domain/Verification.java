package com.computemarket.verification.domain;

import com.computemarket.challenge.synthetic.Challenge;
import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.challenge.synthetic.Verdict;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The verification of one submitted result, from the commitment to its settlement on the L1 (see
 * {@link VerificationStatus}). Holds what the challenge is derived from (the verifier's secret nonce, the block
 * after the commitment), the verdict, and the worker-signed SUBMIT_RESULT with its nonce, hash and block, so that
 * after a crash every step continues from what was recorded.
 */
@Entity
@Table(name = "verification", indexes = {
        @Index(name = "verification_job_attempt", columnList = "jobId, attempt", unique = true),
        @Index(name = "verification_status", columnList = "status, updatedAt"),
        @Index(name = "verification_worker", columnList = "workerId, status"),
        @Index(name = "verification_task", columnList = "taskId")})
public class Verification {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 500;

    @Id
    private UUID id;
    @Version
    private long version;
    @Column(nullable = false)
    private UUID jobId;
    /** The job's lease count when its result came: a job tried again after a rejection gets a new verification. */
    @Column(columnDefinition = "integer default 0 not null") // a default lets `update` add it to a table with rows
    private int attempt;
    @Column(nullable = false)
    private UUID taskId;
    @Column(nullable = false)
    private UUID workerId;
    @Column(nullable = false, length = 100)
    private String workerAddress;
    /** The job's challenge type, which picks its verifier (synthetic: the worker opens rows; inference: re-execution). */
    @Column(columnDefinition = "varchar(16) default 'synthetic' not null") // a default lets `update` add it to a table with rows
    private String challengeType;
    @Column(nullable = false, columnDefinition = "text")
    private String payload;
    @Column(nullable = false, length = 128)
    private String resultHash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "varchar(16)")
    private VerificationStatus status;
    /**
     * The L1 head when the commitment arrived (or, when the L1 could not be reached then, when it first could: later
     * is still after the commitment); the challenge mixes in the hash of the block after it. Null until known.
     */
    private Long commitHeight;
    /** 32 random bytes (hex), drawn when the commitment arrived and shown to nobody before the challenge. */
    @Column(nullable = false, length = 64)
    private String verifierNonce;
    private Long challengeHeight;
    @Column(length = 64)
    private String challengeBlockHash;
    private Instant challengedAt;
    private Instant respondBy;
    @Column(length = MAX_TEXT)
    private String verdict;
    private int rowsChecked;
    private int entriesChecked;
    private long verifyMicros;
    private Instant verifiedAt;
    @Column(precision = 38, scale = 0)
    private BigInteger txNonce;
    private Instant signRequestedAt;
    @Column(length = 64)
    private String txHash;
    @Column(columnDefinition = "text")
    private String signedTx;
    private Long sentAtHeight;
    private Instant relayedAt;
    private int relayAttempts;
    @Column(length = MAX_TEXT)
    private String relayProblem;
    private Long blockHeight;
    @Column(length = 64)
    private String blockHash;
    private Instant settledAt;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;

    protected Verification() {
    }

    /** A synthetic result's verification. */
    public Verification(UUID jobId, int attempt, UUID taskId, UUID workerId, String workerAddress, String payload,
                        String resultHash, Long commitHeight, byte[] verifierNonce, Instant now) {
        this(SyntheticJob.CHALLENGE_TYPE, jobId, attempt, taskId, workerId, workerAddress, payload, resultHash,
                commitHeight, verifierNonce, now);
    }

    public Verification(String challengeType, UUID jobId, int attempt, UUID taskId, UUID workerId, String workerAddress,
                        String payload, String resultHash, Long commitHeight, byte[] verifierNonce, Instant now) {
        if (verifierNonce.length != 32) {
            throw new IllegalArgumentException("the verifier nonce is 32 bytes");
        }
        this.id = UUID.randomUUID();
        this.challengeType = challengeType;
        this.jobId = jobId;
        this.attempt = attempt;
        this.taskId = taskId;
        this.workerId = workerId;
        this.workerAddress = workerAddress;
        this.payload = payload;
        this.resultHash = resultHash;
        this.commitHeight = commitHeight;
        this.verifierNonce = HexFormat.of().formatHex(verifierNonce);
        this.status = VerificationStatus.AWAITING_BLOCK;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The synthetic job this result is for, as dispatched. */
    public SyntheticJob job() {
        try {
            return SyntheticJob.fromPayload(JSON.readTree(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The challenge: the same every time it is derived, because all its inputs are recorded. */
    public Challenge challenge() {
        return challenge(job());
    }

    /** As {@link #challenge()}, for this verification's {@link #job()} already parsed. */
    public Challenge challenge(SyntheticJob job) {
        if (challengeBlockHash == null) {
            throw new IllegalStateException("verification " + id + " has no challenge yet");
        }
        return Challenge.derive(job, HexFormat.of().parseHex(verifierNonce), challengeBlockHash, resultHash);
    }

    /** The head the L1 reports now, for a commitment that arrived while the L1 could not be reached. */
    public boolean headKnown(long height, Instant now) {
        if (commitHeight != null || status != VerificationStatus.AWAITING_BLOCK) {
            return false;
        }
        commitHeight = height;
        updatedAt = now;
        return true;
    }

    /**
     * Fixes the challenge on the first block after the commitment; the worker answers before respond_by, or, with no
     * {@code responseTime}, nobody is waited for (the platform verifies alone) and it is never overdue.
     */
    public boolean challenge(long height, String blockHashHex, Duration responseTime, Instant now) {
        if (status != VerificationStatus.AWAITING_BLOCK) {
            return false;
        }
        if (commitHeight == null || height <= commitHeight) {
            throw new IllegalArgumentException("block " + height + " is not after the commitment at " + commitHeight);
        }
        challengeHeight = height;
        challengeBlockHash = blockHashHex;
        challengedAt = now;
        respondBy = responseTime == null ? null : now.plus(responseTime);
        return moveTo(VerificationStatus.CHALLENGED, now);
    }

    public boolean overdue(Instant now) {
        return status == VerificationStatus.CHALLENGED && respondBy != null && now.isAfter(respondBy);
    }

    /** Records the verifier's decision on the openings; only a CHALLENGED result gets one. */
    public boolean decide(Verdict decision, long micros, Instant now) {
        return decide(decision.accepted(), decision.reason(), decision.rowsChecked(), decision.entriesChecked(), micros, now);
    }

    /**
     * Records any verifier's decision: {@code itemsChecked} are the rows opened (synthetic) or the items / positions
     * re-executed (inference), {@code entriesChecked} the entries or vectors compared. Only a CHALLENGED result gets one.
     */
    public boolean decide(boolean accepted, String reason, int itemsChecked, int entriesCompared, long micros, Instant now) {
        if (status != VerificationStatus.CHALLENGED) {
            return false;
        }
        verdict = truncate(reason);
        rowsChecked = itemsChecked;
        entriesChecked = entriesCompared;
        verifyMicros = micros;
        verifiedAt = now;
        return moveTo(accepted ? VerificationStatus.ACCEPTED : VerificationStatus.REJECTED, now);
    }

    /** No (complete) answer before respond_by. */
    public boolean timeOut(Instant now) {
        if (!overdue(now)) {
            return false;
        }
        verdict = "no openings before " + respondBy;
        verifiedAt = now;
        return moveTo(VerificationStatus.REJECTED, now);
    }

    /** Asks the worker to sign with {@code nonce}; this result now holds the worker's next nonce. */
    public boolean askSignature(BigInteger nonce, Instant now) {
        if (status != VerificationStatus.ACCEPTED) {
            return false;
        }
        txNonce = nonce;
        signRequestedAt = now;
        return moveTo(VerificationStatus.SIGNING, now);
    }

    public boolean signatureOverdue(Instant now, Duration wait) {
        return status == VerificationStatus.SIGNING && now.isAfter(signRequestedAt.plus(wait));
    }

    /** The worker's signed SUBMIT_RESULT, recorded before anything is sent so a crash cannot lose or fork it. */
    public boolean signed(String hash, String transactionJson, Instant now) {
        if (status != VerificationStatus.SIGNING) {
            return false;
        }
        txHash = hash;
        signedTx = transactionJson;
        relayProblem = null;
        return moveTo(VerificationStatus.SIGNED, now);
    }

    public boolean relayed(long height, Instant now) {
        if (status != VerificationStatus.SIGNED && status != VerificationStatus.RELAYED) {
            return false;
        }
        relayAttempts++;
        if (status == VerificationStatus.SIGNED) {
            sentAtHeight = height;
            relayedAt = now;
        }
        return moveTo(VerificationStatus.RELAYED, now);
    }

    /**
     * The transaction will never land (the node refused it, or the worker's confirmed nonce passed it with no block
     * holding it) or was never signed in time: the result goes back to ACCEPTED for a fresh signature and nonce.
     */
    public boolean retrySignature(String problem, Instant now) {
        if (!status.holdsNonce()) {
            return false;
        }
        relayProblem = truncate(problem);
        txNonce = null;
        txHash = null;
        signedTx = null;
        sentAtHeight = null;
        relayedAt = null;
        return moveTo(VerificationStatus.ACCEPTED, now);
    }

    /** Found in a block whose compute_root commits its leaf; the caller settles the job in the same transaction. */
    public boolean settled(long height, String hashOfBlock, Instant now) {
        if (status != VerificationStatus.RELAYED && status != VerificationStatus.SIGNED) {
            return false;
        }
        blockHeight = height;
        blockHash = hashOfBlock;
        settledAt = now;
        return moveTo(VerificationStatus.SETTLED, now);
    }

    public boolean abandon(String reason, Instant now) {
        if (status.isFinal()) {
            return false;
        }
        relayProblem = truncate(reason);
        return moveTo(VerificationStatus.ABANDONED, now);
    }

    private boolean moveTo(VerificationStatus next, Instant now) {
        status = next;
        updatedAt = now;
        return true;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    /** Null on rows written before the column existed: they are synthetic. */
    public String challengeType() { return challengeType == null ? SyntheticJob.CHALLENGE_TYPE : challengeType; }
    /** The job's payload as dispatched (JSON). */
    public String payload() { return payload; }
    /** The secret the challenge mixes in; for verifiers that derive it themselves. */
    public byte[] verifierNonce() { return HexFormat.of().parseHex(verifierNonce); }
    public UUID id() { return id; }
    public UUID jobId() { return jobId; }
    public UUID taskId() { return taskId; }
    public UUID workerId() { return workerId; }
    public String workerAddress() { return workerAddress; }
    public String resultHash() { return resultHash; }
    public VerificationStatus status() { return status; }
    public Long commitHeight() { return commitHeight; }
    public Long challengeHeight() { return challengeHeight; }
    public String challengeBlockHash() { return challengeBlockHash; }
    public Instant respondBy() { return respondBy; }
    public String verdict() { return verdict; }
    public int rowsChecked() { return rowsChecked; }
    public int entriesChecked() { return entriesChecked; }
    public long verifyMicros() { return verifyMicros; }
    public Instant verifiedAt() { return verifiedAt; }
    public BigInteger txNonce() { return txNonce; }
    public String txHash() { return txHash; }
    public String signedTx() { return signedTx; }
    public Long sentAtHeight() { return sentAtHeight; }
    public String relayProblem() { return relayProblem; }
    public Long blockHeight() { return blockHeight; }
    public String blockHash() { return blockHash; }
    public Instant settledAt() { return settledAt; }
    public Instant updatedAt() { return updatedAt; }
}
