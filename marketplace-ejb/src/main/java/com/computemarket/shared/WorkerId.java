package com.computemarket.shared;

import java.util.Objects;
import java.util.UUID;

/** A worker's id where it crosses from one context to another; written as the bare UUID. */
public record WorkerId(UUID value) {

    public WorkerId {
        Objects.requireNonNull(value, "worker id");
    }

    public static WorkerId of(UUID value) {
        return new WorkerId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
