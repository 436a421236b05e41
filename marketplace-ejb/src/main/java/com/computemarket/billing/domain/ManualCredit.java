package com.computemarket.billing.domain;

import com.computemarket.shared.Amount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The audit record of a credit an admin granted by hand: who, when, to whom, how much, why, and the entry it posted. */
@Entity
@Table(name = "manual_credit", indexes = @Index(name = "manual_credit_at", columnList = "creditedAt"))
public class ManualCredit {

    @Id
    private UUID id;
    @Column(nullable = false, length = 64)
    private String organization;
    @Column(nullable = false, precision = 38, scale = 0)
    private Amount amount;
    @Column(nullable = false, length = 500)
    private String reason;
    @Column(nullable = false, length = 64)
    private String creditedBy;
    @Column(nullable = false, length = 64)
    private String creditedBySubject;
    @Column(nullable = false)
    private Instant creditedAt;
    @Column(nullable = false)
    private UUID entryId;

    protected ManualCredit() {
    }

    public ManualCredit(UUID id, String organization, Amount amount, String reason, String creditedBy,
                        String creditedBySubject, Instant creditedAt, UUID entryId) {
        this.id = id;
        this.organization = organization;
        this.amount = amount;
        this.reason = reason;
        this.creditedBy = creditedBy;
        this.creditedBySubject = creditedBySubject;
        this.creditedAt = creditedAt;
        this.entryId = entryId;
    }

    public UUID id() { return id; }
    public String organization() { return organization; }
    public Amount amount() { return amount; }
    public String reason() { return reason; }
    public String creditedBy() { return creditedBy; }
    public String creditedBySubject() { return creditedBySubject; }
    public Instant creditedAt() { return creditedAt; }
    public UUID entryId() { return entryId; }
}
