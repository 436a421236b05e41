package com.computemarket.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * An inference job's output, content-addressed: the key is the SHA-256 (hex) of its canonical JSON bytes, so the
 * same output stored twice is one row and a job names its output by that hash ({@link Job#outputHash}). A table,
 * not files: outputs are small (at most 64 vectors or 4,096 tokens, under 256 KiB) and are written in the same
 * transaction as the result they belong to, so a result is never taken without its output nor the other way round.
 */
@Entity
@Table(name = "job_output")
public class StoredOutput {

    @Id
    @Column(length = 64)
    private String sha256;
    @Column(nullable = false, columnDefinition = "text")
    private String content;
    private Instant storedAt;

    protected StoredOutput() {
    }

    public StoredOutput(String sha256, String content, Instant now) {
        this.sha256 = Objects.requireNonNull(sha256);
        this.content = Objects.requireNonNull(content);
        this.storedAt = now;
    }

    public String sha256() { return sha256; }
    public String content() { return content; }
    public Instant storedAt() { return storedAt; }
}
