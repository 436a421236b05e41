package com.computemarket.billing.domain;

import com.computemarket.shared.Amount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A TRANSFER to a deposit address that was credited, once, by its transaction hash. */
@Entity
@Table(name = "deposit", indexes = @Index(name = "deposit_org", columnList = "organization, creditedAt"))
public class Deposit {

    @Id
    @Column(length = 128)
    private String txHash;
    @Column(nullable = false, length = 64)
    private String organization;
    @Column(nullable = false, length = 100)
    private String address;
    @Column(nullable = false, length = 100)
    private String fromAddress;
    @Column(nullable = false, precision = 38, scale = 0)
    private Amount amount;
    private long blockHeight;
    @Column(nullable = false)
    private Instant creditedAt;
    @Column(nullable = false)
    private UUID entryId;

    protected Deposit() {
    }

    public Deposit(String txHash, String organization, String address, String fromAddress, Amount amount,
                   long blockHeight, Instant creditedAt, UUID entryId) {
        this.txHash = txHash;
        this.organization = organization;
        this.address = address;
        this.fromAddress = fromAddress;
        this.amount = amount;
        this.blockHeight = blockHeight;
        this.creditedAt = creditedAt;
        this.entryId = entryId;
    }

    public String txHash() { return txHash; }
    public String organization() { return organization; }
    public String address() { return address; }
    public String fromAddress() { return fromAddress; }
    public Amount amount() { return amount; }
    public long blockHeight() { return blockHeight; }
    public Instant creditedAt() { return creditedAt; }
    public UUID entryId() { return entryId; }
}
