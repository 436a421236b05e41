package com.computemarket.operations.health;

import java.util.Map;

/** The outcome of probing one dependency: up or down, and what was seen (a version, a height, an error). */
public record Check(boolean up, Map<String, Object> details) {

    public static Check up(Map<String, Object> details) {
        return new Check(true, details);
    }

    public static Check down(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new Check(false, Map.of("error", message));
    }
}
