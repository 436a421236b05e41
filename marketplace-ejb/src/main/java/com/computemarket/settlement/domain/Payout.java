package com.computemarket.settlement.domain;

import com.computemarket.shared.Amount;
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
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One L1 TRANSFER of a worker's payable to its address. Its transaction is recorded (nonce, hash, signed bytes)
 * before it is ever broadcast, so after a crash the same bytes are sent again instead of a second payment; a new
 * transaction is signed only after the recorded one is proven dead. While open, {@code openWorker} holds the worker
 * id under a unique constraint: a worker never has two open payouts.
 */
@Entity
@Table(name = "payout",
        uniqueConstraints = @UniqueConstraint(name = "payout_one_open_per_worker", columnNames = "openWorker"),
        indexes = {@Index(name = "payout_worker", columnList = "workerId, createdAt"),
                @Index(name = "payout_status_nonce", columnList = "status, nonce")})
public class Payout {

    @Id
    private UUID id;
    @Version
    private long version;
    @Column(nullable = false)
    private UUID runId;
    @Column(nullable = false)
    private UUID workerId;
    private UUID openWorker;
    @Column(nullable = false, length = 64)
    private String address;
    @Column(nullable = false, precision = 38, scale = 0)
    private Amount amount;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "varchar(16)")
    private PayoutStatus status;
    @Column(precision = 38, scale = 0)
    private BigInteger nonce;
    @Column(length = 64)
    private String txHash;
    /** The signed transaction JSON (about 700 characters); a plain column, since @Lob maps to oid on PostgreSQL. */
    @Column(length = 4000)
    private String rawTx;
    private Long signedAtHeight;
    private Long sentAtHeight;
    private Long blockHeight;
    @Column(length = 64)
    private String blockHash;
    @Column(precision = 38, scale = 0)
    private Amount fee;
    /** Transactions signed for this payout: 1, or more after proven-dead replacements. */
    private int attempts;
    @Column(length = 500)
    private String failure;
    @Column(nullable = false)
    private Instant createdAt;
    private Instant signedAt;
    private Instant sentAt;
    private Instant confirmedAt;
    private Instant failedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "payout_dead_tx", joinColumns = @JoinColumn(name = "payout_id"))
    @OrderColumn(name = "position")
    private List<DeadTransaction> deadTransactions = new ArrayList<>();

    protected Payout() {
    }

    public Payout(UUID id, UUID runId, UUID workerId, String address, Amount amount, Instant now) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a payout moves a positive amount, not " + amount);
        }
        this.id = Objects.requireNonNull(id);
        this.runId = Objects.requireNonNull(runId);
        this.workerId = Objects.requireNonNull(workerId);
        this.openWorker = workerId;
        this.address = Objects.requireNonNull(address);
        this.amount = amount;
        this.status = PayoutStatus.PENDING;
        this.createdAt = now;
    }

    /** Its transaction is signed and recorded; nothing is sent yet. From PENDING, or REPLACED for a new attempt. */
    public void signed(BigInteger nonce, String txHash, String rawTx, long height, Instant now) {
        require(status == PayoutStatus.PENDING || status == PayoutStatus.REPLACED, "record a signed transaction");
        this.nonce = Objects.requireNonNull(nonce);
        this.txHash = Objects.requireNonNull(txHash);
        this.rawTx = Objects.requireNonNull(rawTx);
        this.signedAtHeight = height;
        this.sentAtHeight = null;
        this.attempts++;
        this.signedAt = now;
        this.status = PayoutStatus.SIGNED;
    }

    /** The node took the recorded bytes. Again (SENT) changes nothing. */
    public void sent(long height, Instant now) {
        if (status == PayoutStatus.SENT) {
            return;
        }
        require(status == PayoutStatus.SIGNED, "mark it sent");
        this.sentAtHeight = height;
        this.sentAt = now;
        this.status = PayoutStatus.SENT;
    }

    /**
     * Its transaction was found in a block. {@code false} when it was already confirmed by the same transaction
     * (a redelivery); a different hash or a closed payout is refused.
     */
    public boolean confirmed(String includedTxHash, long height, String blockHash, Amount fee, Instant now) {
        if (status == PayoutStatus.CONFIRMED && includedTxHash.equals(txHash)) {
            return false;
        }
        require(status.hasLiveTransaction(), "confirm it");
        if (!includedTxHash.equals(txHash)) {
            throw DomainException.conflict("payout-tx-mismatch", "payout " + id + " is paid by " + txHash
                    + ", not " + includedTxHash);
        }
        this.blockHeight = height;
        this.blockHash = blockHash;
        this.fee = fee;
        this.confirmedAt = now;
        this.status = PayoutStatus.CONFIRMED;
        this.openWorker = null;
        return true;
    }

    /** Its transaction is proven dead (nonce spent by another, in no block): keep it on record, sign a new one. */
    public void replaced(Instant now) {
        require(status.hasLiveTransaction(), "replace its transaction");
        deadTransactions.add(new DeadTransaction(txHash, nonce, now));
        this.txHash = null;
        this.rawTx = null;
        this.nonce = null;
        this.signedAtHeight = null;
        this.sentAtHeight = null;
        this.status = PayoutStatus.REPLACED;
    }

    /** Refused for good before anything was paid; the caller returns the amount to the worker's payable. */
    public void fail(String reason, Instant now) {
        require(status.open(), "fail it");
        this.failure = reason.length() > 500 ? reason.substring(0, 500) : reason;
        this.failedAt = now;
        this.status = PayoutStatus.FAILED;
        this.openWorker = null;
    }

    private void require(boolean allowed, String what) {
        if (!allowed) {
            throw DomainException.conflict("payout-state", "cannot " + what + ": payout " + id + " is " + status);
        }
    }

    public UUID id() {
        return id;
    }

    public UUID runId() {
        return runId;
    }

    public UUID workerId() {
        return workerId;
    }

    public String address() {
        return address;
    }

    public Amount amount() {
        return amount;
    }

    public PayoutStatus status() {
        return status;
    }

    public Optional<BigInteger> nonce() {
        return Optional.ofNullable(nonce);
    }

    public Optional<String> txHash() {
        return Optional.ofNullable(txHash);
    }

    public Optional<String> rawTx() {
        return Optional.ofNullable(rawTx);
    }

    public Optional<Long> signedAtHeight() {
        return Optional.ofNullable(signedAtHeight);
    }

    public Optional<Long> sentAtHeight() {
        return Optional.ofNullable(sentAtHeight);
    }

    public Optional<Long> blockHeight() {
        return Optional.ofNullable(blockHeight);
    }

    public Optional<String> blockHash() {
        return Optional.ofNullable(blockHash);
    }

    public Optional<Amount> fee() {
        return Optional.ofNullable(fee);
    }

    public int attempts() {
        return attempts;
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> signedAt() {
        return Optional.ofNullable(signedAt);
    }

    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    public Optional<Instant> confirmedAt() {
        return Optional.ofNullable(confirmedAt);
    }

    public Optional<Instant> failedAt() {
        return Optional.ofNullable(failedAt);
    }

    public List<DeadTransaction> deadTransactions() {
        return List.copyOf(deadTransactions);
    }
}
