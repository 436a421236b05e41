package com.computemarket.catalogue.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** One file of a model: what it is for, its SHA-256 (its name in the store) and its size in bytes. */
@Embeddable
public class ModelFile {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "varchar(16)")
    private FileRole role;
    @Column(nullable = false, length = 64)
    private String sha256;
    @Column(name = "size_bytes", nullable = false)
    private long size;

    protected ModelFile() {
    }

    public ModelFile(FileRole role, Sha256 sha256, long size) {
        this.role = Objects.requireNonNull(role, "role");
        this.sha256 = sha256.hex();
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        this.size = size;
    }

    public FileRole role() { return role; }
    public Sha256 sha256() { return new Sha256(sha256); }
    public long size() { return size; }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelFile f && role == f.role && sha256.equals(f.sha256) && size == f.size;
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, sha256, size);
    }

    @Override
    public String toString() {
        return role.wireName() + " " + sha256 + " (" + size + " bytes)";
    }
}
