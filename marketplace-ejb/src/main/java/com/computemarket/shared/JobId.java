package com.computemarket.shared;

import java.util.Objects;
import java.util.UUID;

/** A job's id where it crosses from one context to another; written as the bare UUID. */
public record JobId(UUID value) {

    public JobId {
        Objects.requireNonNull(value, "job id");
    }

    public static JobId of(UUID value) {
        return new JobId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
