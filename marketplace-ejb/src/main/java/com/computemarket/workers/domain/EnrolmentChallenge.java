package com.computemarket.workers.domain;

import com.computemarket.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A server nonce an operator's worker signs to prove it holds the key of the address it enrols: random 32 bytes,
 * bound to the operator who asked for it, good for one successful enrolment, expires after a while.
 */
@Entity
@Table(name = "worker_enrolment_challenge", indexes = @Index(name = "wec_operator", columnList = "operatorSubject"))
public class EnrolmentChallenge {

    public static final int NONCE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Lower-case hex of the 32 nonce bytes. */
    @Id
    @Column(length = 2 * NONCE_BYTES)
    private String nonce;
    @Column(nullable = false, length = 255)
    private String operatorSubject;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant expiresAt;
    private Instant usedAt;

    protected EnrolmentChallenge() {
    }

    EnrolmentChallenge(String nonce, String operatorSubject, Instant now, Duration ttl) {
        this.nonce = Objects.requireNonNull(nonce);
        this.operatorSubject = Objects.requireNonNull(operatorSubject);
        this.createdAt = now;
        this.expiresAt = now.plus(ttl);
    }

    public static EnrolmentChallenge issue(String operatorSubject, Instant now, Duration ttl) {
        byte[] bytes = new byte[NONCE_BYTES];
        RANDOM.nextBytes(bytes);
        return new EnrolmentChallenge(HexFormat.of().formatHex(bytes), operatorSubject, now, ttl);
    }

    /**
     * Uses the challenge for {@code operatorSubject}'s enrolment: refused when it is someone else's (said as unknown,
     * so a nonce reveals nothing about other operators), already used, or expired.
     */
    public void consume(String operatorSubject, Instant now) {
        if (!this.operatorSubject.equals(operatorSubject)) {
            throw unknown();
        }
        if (usedAt != null) {
            throw DomainException.conflict("challenge-used",
                    "enrolment challenge " + nonce + " was already used at " + usedAt + "; ask for a new one");
        }
        if (!now.isBefore(expiresAt)) {
            throw DomainException.unprocessable("challenge-expired",
                    "enrolment challenge " + nonce + " expired at " + expiresAt + "; ask for a new one");
        }
        usedAt = now;
    }

    public static DomainException unknown() {
        return DomainException.unprocessable("challenge-unknown",
                "no enrolment challenge with this nonce was issued to you; ask for one at POST /api/workers/enrolment-challenges");
    }

    public String nonce() { return nonce; }
    public String operatorSubject() { return operatorSubject; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant usedAt() { return usedAt; }
}
