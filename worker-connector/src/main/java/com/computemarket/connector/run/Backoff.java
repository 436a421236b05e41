package com.computemarket.connector.run;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: {@code base · 2^attempt}, capped at {@code max}, with "equal jitter" (a random point in the upper
 * half), so a server restart is not met by every worker at the same instant, yet no delay collapses to zero.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max");
        }
        this.base = base;
        this.max = max;
        this.random = random;
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** The cap before jitter for the {@code attempt}-th retry (0-based). */
    public Duration ceiling(int attempt) {
        long baseMs = base.toMillis();
        int shift = Math.min(Math.max(attempt, 0), 30);
        long ms = baseMs << shift;
        if (ms <= 0 || ms > max.toMillis() || (baseMs << shift) >> shift != baseMs) {
            ms = max.toMillis();
        }
        return Duration.ofMillis(ms);
    }

    /** The delay before the {@code attempt}-th retry: uniformly in [ceiling/2, ceiling]. */
    public Duration delay(int attempt) {
        long ceiling = ceiling(attempt).toMillis();
        double r = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        return Duration.ofMillis(ceiling / 2 + Math.round(r * (ceiling - ceiling / 2)));
    }
}
