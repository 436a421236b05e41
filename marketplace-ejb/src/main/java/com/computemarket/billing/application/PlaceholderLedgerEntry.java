package com.computemarket.billing.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** PLACEHOLDER for the payouts branch: a journal entry header. Delete at merge; billing owns the real journal. */
@Entity
@Table(name = "placeholder_ledger_entry")
public class PlaceholderLedgerEntry {
    @Id
    UUID id;
    @Column(nullable = false, unique = true, length = 200)
    String idempotencyKey;
    @Column(length = 64)
    String kind;
    @Column(length = 200)
    String reference;
    Instant postedAt;

    protected PlaceholderLedgerEntry() {
    }

    PlaceholderLedgerEntry(UUID id, String key, String kind, String reference, Instant postedAt) {
        this.id = id;
        this.idempotencyKey = key;
        this.kind = kind;
        this.reference = reference;
        this.postedAt = postedAt;
    }
}
