package com.computemarket.billing.domain;

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
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The money a task holds in its organization's escrow: the amount held, what its settled jobs took, and whether the
 * rest was released. While OPEN, its remaining part is in ORG_ESCROW; once CLOSED nothing of it is.
 */
@Entity
@Table(name = "escrow_hold", indexes = @Index(name = "escrow_hold_org_status", columnList = "organization, status"))
public class EscrowHold {

    public enum Status { OPEN, CLOSED }

    @Id
    private UUID taskId;
    @Version
    private long version;
    @Column(nullable = false, length = 64)
    private String organization;
    @Column(nullable = false, precision = 38, scale = 0)
    private Amount held;
    @Column(nullable = false, precision = 38, scale = 0)
    private Amount settled;
    @Column(nullable = false, precision = 38, scale = 0)
    private Amount released;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "varchar(8)")
    private Status status;
    @Column(nullable = false)
    private Instant heldAt;
    private Instant closedAt;
    @Column(length = 200)
    private String closeReason;

    protected EscrowHold() {
    }

    public EscrowHold(UUID taskId, String organization, Amount amount, Instant now) {
        if (!amount.isPositive()) {
            throw DomainException.invalid("invalid-amount", "a hold must be positive, not " + amount.toCpc() + " CPC");
        }
        this.taskId = Objects.requireNonNull(taskId);
        this.organization = Objects.requireNonNull(organization);
        this.held = amount;
        this.settled = Amount.ZERO;
        this.released = Amount.ZERO;
        this.status = Status.OPEN;
        this.heldAt = now;
    }

    /** A job's reward leaves the hold; refused when the hold is closed or the reward exceeds what remains. */
    public void settle(UUID jobId, Amount reward) {
        if (status != Status.OPEN) {
            throw DomainException.conflict("escrow-closed", "the escrow hold of task " + taskId
                    + " is closed (" + closeReason + "); job " + jobId + " cannot be paid from it");
        }
        if (!reward.isPositive()) {
            throw DomainException.invalid("invalid-amount", "job " + jobId + "'s reward must be positive, not " + reward.toCpc() + " CPC");
        }
        if (reward.compareTo(remaining()) > 0) {
            throw DomainException.unprocessable("insufficient-escrow", "task " + taskId + " has " + remaining().toCpc()
                    + " CPC left in escrow; job " + jobId + "'s reward is " + reward.toCpc() + " CPC");
        }
        settled = settled.plus(reward);
    }

    /** Closes the hold; answers what remained (and now goes back to the organization). */
    public Amount close(String reason, Instant now) {
        Amount rest = remaining();
        released = released.plus(rest);
        status = Status.CLOSED;
        closedAt = now;
        closeReason = reason == null || reason.length() <= 200 ? reason : reason.substring(0, 200);
        return rest;
    }

    public Amount remaining() {
        return status == Status.CLOSED ? Amount.ZERO : held.minus(settled).minus(released);
    }

    public boolean isOpen() { return status == Status.OPEN; }
    public UUID taskId() { return taskId; }
    public String organization() { return organization; }
    public Amount held() { return held; }
    public Amount settled() { return settled; }
    public Amount released() { return released; }
    public Status status() { return status; }
    public Instant heldAt() { return heldAt; }
    public Instant closedAt() { return closedAt; }
    public String closeReason() { return closeReason; }
}
