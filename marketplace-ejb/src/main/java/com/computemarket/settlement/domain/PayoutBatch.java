package com.computemarket.settlement.domain;

import com.computemarket.shared.Amount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What one payout run did: who started it, at which threshold, how many payouts of how much in all. */
@Entity
@Table(name = "payout_batch")
public class PayoutBatch {

    @Id
    private UUID id;
    @Column(nullable = false, length = 64)
    private String startedBy;
    @Column(nullable = false)
    private Instant startedAt;
    @Column(nullable = false, precision = 38, scale = 0)
    private Amount threshold;
    private int payoutCount;
    @Column(nullable = false, precision = 38, scale = 0)
    private Amount total;

    protected PayoutBatch() {
    }

    public PayoutBatch(UUID id, String startedBy, Amount threshold, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.startedBy = Objects.requireNonNull(startedBy);
        this.threshold = threshold;
        this.startedAt = now;
        this.total = Amount.ZERO;
    }

    public void add(Payout payout) {
        payoutCount++;
        total = total.plus(payout.amount());
    }

    public UUID id() {
        return id;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Amount threshold() {
        return threshold;
    }

    public int count() {
        return payoutCount;
    }

    public Amount total() {
        return total;
    }
}
