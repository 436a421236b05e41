package com.computemarket.market.domain;

import java.time.Instant;
import java.util.UUID;

/** A job handed to one worker until {@code expiresAt}; {@code attempt} counts from 1. */
public record Lease(UUID jobId, UUID taskId, UUID workerId, int attempt, Instant expiresAt) {
}
