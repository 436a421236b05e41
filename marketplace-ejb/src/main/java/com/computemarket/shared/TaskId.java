package com.computemarket.shared;

import java.util.Objects;
import java.util.UUID;

/** A task's id where it crosses from one context to another; written as the bare UUID. */
public record TaskId(UUID value) {

    public TaskId {
        Objects.requireNonNull(value, "task id");
    }

    public static TaskId of(UUID value) {
        return new TaskId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
