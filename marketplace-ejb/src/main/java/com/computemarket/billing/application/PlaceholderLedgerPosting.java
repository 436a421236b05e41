package com.computemarket.billing.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;
import java.util.UUID;

/** PLACEHOLDER for the payouts branch: one posting of an entry. Delete at merge; billing owns the real journal. */
@Entity
@Table(name = "placeholder_ledger_posting")
public class PlaceholderLedgerPosting {
    @Id
    UUID id;
    UUID entryId;
    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    AccountType accountType;
    @Column(length = 64)
    String owner;
    @Column(precision = 38, scale = 0)
    BigInteger amount;

    protected PlaceholderLedgerPosting() {
    }

    PlaceholderLedgerPosting(UUID entryId, Posting p) {
        this.id = UUID.randomUUID();
        this.entryId = entryId;
        this.accountType = p.account().type();
        this.owner = p.account().owner();
        this.amount = p.amount().wei();
    }
}
