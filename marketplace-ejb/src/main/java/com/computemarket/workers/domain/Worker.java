package com.computemarket.workers.domain;

import com.computemarket.shared.ChallengeType;
import com.computemarket.shared.DomainException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A GPU worker an operator enrolled: its cpc1 address (proven at enrolment, unique), what it declares it has and
 * runs, whether it may work (ACTIVE/SUSPENDED) and how far it is trusted (reputation 0..1000).
 */
@Entity
@Table(name = "worker",
        uniqueConstraints = @UniqueConstraint(name = "worker_address", columnNames = "address"),
        indexes = @Index(name = "worker_operator", columnList = "operatorSubject"))
public class Worker {

    public static final int MIN_REPUTATION = 0;
    public static final int MAX_REPUTATION = 1000;
    public static final int INITIAL_REPUTATION = 500;
    public static final int SUCCESS_GAIN = 5;
    public static final int FAILURE_LOSS = 50;
    public static final int MAX_GPUS = 64;

    @Id
    private UUID id;
    @Version
    private long version;
    @Column(nullable = false, length = 255)
    private String operatorSubject;
    @Column(nullable = false, length = 255)
    private String operatorUsername;
    @Column(nullable = false, length = 90)
    private String address;
    @Column(nullable = false, length = 66)
    private String publicKey;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "worker_gpu", joinColumns = @JoinColumn(name = "worker_id"))
    @OrderColumn(name = "position")
    private List<Gpu> gpus = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "worker_challenge_type", joinColumns = @JoinColumn(name = "worker_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "challenge_type", nullable = false, columnDefinition = "varchar(16)")
    private Set<ChallengeType> challengeTypes = EnumSet.noneOf(ChallengeType.class);
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "varchar(16)")
    private WorkerStatus status;
    @Column(length = 500)
    private String suspensionReason;
    private Instant suspendedAt;
    private int reputation;
    private long successes;
    private long failures;
    private int consecutiveFailures;
    /** Accepted results since the last failure: the trust an adaptive challenge (fewer items) is drawn for. */
    @Column(columnDefinition = "integer default 0 not null") // a default lets `update` add it to a table with rows
    private int consecutiveSuccesses;
    @Column(nullable = false)
    private Instant enrolledAt;

    protected Worker() {
    }

    public Worker(UUID id, String operatorSubject, String operatorUsername, AddressProof proof, List<Gpu> gpus,
                  Set<ChallengeType> challengeTypes, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.operatorSubject = Objects.requireNonNull(operatorSubject);
        this.operatorUsername = Objects.requireNonNull(operatorUsername);
        this.address = proof.address();
        this.publicKey = proof.publicKeyHex();
        requireInventory(gpus, challengeTypes);
        this.gpus = new ArrayList<>(gpus);
        this.challengeTypes = EnumSet.copyOf(challengeTypes);
        this.status = WorkerStatus.ACTIVE;
        this.reputation = INITIAL_REPUTATION;
        this.enrolledAt = now;
    }

    /** At most 64 GPUs (none for a CPU-only worker) and at least one challenge type, else 400. */
    public static void requireInventory(List<Gpu> gpus, Set<ChallengeType> challengeTypes) {
        if (gpus.size() > MAX_GPUS) {
            throw DomainException.invalid("invalid-gpu", "at most " + MAX_GPUS + " gpus per worker; got " + gpus.size());
        }
        if (challengeTypes.isEmpty()) {
            throw DomainException.invalid("invalid-challenge-type",
                    "challenge_types must name at least one of " + ChallengeType.validNames());
        }
    }

    /** Stops the worker taking work; refused when it is already suspended (the first reason stands). */
    public void suspend(String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("invalid-reason", "a suspension needs a reason");
        }
        if (status == WorkerStatus.SUSPENDED) {
            throw DomainException.conflict("worker-already-suspended",
                    "worker " + id + " is already suspended since " + suspendedAt + ": " + suspensionReason);
        }
        status = WorkerStatus.SUSPENDED;
        suspensionReason = truncate(reason.strip());
        suspendedAt = now;
    }

    /** Lets the worker work again, with a clean run of failures; resuming an active worker changes nothing. */
    public boolean resume() {
        if (status == WorkerStatus.ACTIVE) {
            return false;
        }
        status = WorkerStatus.ACTIVE;
        suspensionReason = null;
        suspendedAt = null;
        consecutiveFailures = 0;
        return true;
    }

    /** A verified good result: +5 reputation (at most 1000), and the run of failures ends. */
    public void recordSuccess() {
        successes++;
        consecutiveSuccesses++;
        consecutiveFailures = 0;
        reputation = Math.min(MAX_REPUTATION, reputation + SUCCESS_GAIN);
    }

    /**
     * A failed check: −50 reputation (at least 0). After {@code suspendAfter} failures in a row an active worker is
     * suspended with a reason naming the last failure; true when this call suspended it.
     */
    public boolean recordFailure(String reason, int suspendAfter, Instant now) {
        failures++;
        consecutiveFailures++;
        consecutiveSuccesses = 0;
        reputation = Math.max(MIN_REPUTATION, reputation - FAILURE_LOSS);
        if (status == WorkerStatus.ACTIVE && suspendAfter > 0 && consecutiveFailures >= suspendAfter) {
            suspend(consecutiveFailures + " consecutive failures; last: " + (reason == null || reason.isBlank() ? "unspecified" : reason), now);
            return true;
        }
        return false;
    }

    public boolean ownedBy(String subject) {
        return operatorSubject.equals(subject);
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    public UUID id() { return id; }
    public String operatorSubject() { return operatorSubject; }
    public String operatorUsername() { return operatorUsername; }
    public String address() { return address; }
    public String publicKey() { return publicKey; }
    public List<Gpu> gpus() { return List.copyOf(gpus); }
    public Set<ChallengeType> challengeTypes() { return Set.copyOf(challengeTypes); }
    public WorkerStatus status() { return status; }
    public String suspensionReason() { return suspensionReason; }
    public Instant suspendedAt() { return suspendedAt; }
    public int reputation() { return reputation; }
    public long successes() { return successes; }
    public long failures() { return failures; }
    public int consecutiveFailures() { return consecutiveFailures; }
    public int consecutiveSuccesses() { return consecutiveSuccesses; }
    public Instant enrolledAt() { return enrolledAt; }
}
