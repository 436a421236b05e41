package com.computemarket.billing.domain;

import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One account of the ledger with its running balance (the sum of its postings, kept here so that a posting only
 * locks and updates the accounts it touches). Changed only by {@link #apply}, inside a posting that locked the row.
 */
@Entity
@Table(name = "ledger_account", uniqueConstraints = @UniqueConstraint(name = "ledger_account_ref", columnNames = {"type", "owner"}))
public class LedgerAccount {

    @Id
    private UUID id;
    @Version
    private long version;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "varchar(32)")
    private AccountType type;
    @Column(nullable = false, length = 64)
    private String owner;
    @Column(nullable = false, precision = 38, scale = 0)
    private Amount balance;
    @Column(nullable = false)
    private Instant openedAt;

    protected LedgerAccount() {
    }

    public LedgerAccount(AccountRef ref, Instant now) {
        this.id = UUID.randomUUID();
        this.type = ref.type();
        this.owner = ref.owner();
        this.balance = Amount.ZERO;
        this.openedAt = now;
    }

    /** The balance this posting would leave; refuses to take a customer's, worker's or in-flight account below zero. */
    public Amount balanceAfter(Amount posting) {
        Amount after = balance().plus(posting);
        if (after.isNegative() && type.mustStayNonNegative()) {
            throw DomainException.unprocessable("insufficient-funds", describe() + " holds " + balance().toCpc()
                    + " CPC; " + posting.negate().toCpc() + " CPC are needed (" + after.negate().toCpc() + " CPC short)");
        }
        return after;
    }

    public void apply(Amount posting) {
        balance = balanceAfter(posting);
    }

    private String describe() {
        return switch (type) {
            case ORG_AVAILABLE -> "organization " + owner + "'s available balance";
            case ORG_ESCROW -> "organization " + owner + "'s escrow";
            case WORKER_PAYABLE -> "worker " + owner + "'s payable balance";
            default -> "account " + ref();
        };
    }

    public AccountRef ref() { return new AccountRef(type, owner); }
    public UUID id() { return id; }
    public AccountType type() { return type; }
    public String owner() { return owner; }
    public Amount balance() { return balance; }
    public Instant openedAt() { return openedAt; }
}
