package com.computemarket.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * How far a block scanner got: the next height to read and the hash of the last block it read, so that a chain that
 * changed under it (a devnet reset, a reorganisation deeper than the confirmations) is noticed and rescanned.
 */
@Entity
@Table(name = "scan_cursor")
public class ScanCursor {

    @Id
    @Column(length = 32)
    private String name;
    @Version
    private long version;
    private long nextHeight;
    @Column(length = 128)
    private String lastHash;
    private Instant updatedAt;

    protected ScanCursor() {
    }

    public ScanCursor(String name) {
        this.name = name;
    }

    /** Block {@code height} was read; false (and nothing changes) when it is not the next one (read already). */
    public boolean advance(long height, String hash, Instant now) {
        if (height != nextHeight) {
            return false;
        }
        nextHeight = height + 1;
        lastHash = hash;
        updatedAt = now;
        return true;
    }

    /** Starts over from genesis; crediting is idempotent by transaction hash, so a rescan credits nothing twice. */
    public void rewind(Instant now) {
        nextHeight = 0;
        lastHash = null;
        updatedAt = now;
    }

    public String name() { return name; }
    public long nextHeight() { return nextHeight; }
    public String lastHash() { return lastHash; }
}
