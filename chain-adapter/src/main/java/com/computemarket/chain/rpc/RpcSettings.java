package com.computemarket.chain.rpc;

import java.time.Duration;

/**
 * Timeouts and retry policy of a {@link ChainClient}. Reads (and resends of identical signed bytes) are retried
 * on connection errors and 502/503/504, waiting {@code initialBackoff}, doubling up to {@code maxBackoff}
 * (with jitter), for at most {@code maxAttempts} attempts in all.
 */
public record RpcSettings(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration initialBackoff,
                          Duration maxBackoff) {

    public RpcSettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
        }
    }

    /** 5 s to connect, 15 s to answer, 5 attempts with backoff from 250 ms up to 4 s. */
    public static RpcSettings defaults() {
        return new RpcSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), 5, Duration.ofMillis(250),
                Duration.ofSeconds(4));
    }

    public RpcSettings withTimeouts(Duration connect, Duration read) {
        return new RpcSettings(connect, read, maxAttempts, initialBackoff, maxBackoff);
    }

    public RpcSettings withRetries(int attempts, Duration initial, Duration max) {
        return new RpcSettings(connectTimeout, readTimeout, attempts, initial, max);
    }
}
