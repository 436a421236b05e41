package com.computemarket.market.application;

import java.time.Instant;
import java.util.UUID;

/** What a worker is sent for a leased job; {@code payloadJson} is the job's payload as stored (a JSON object). */
public record JobPush(UUID jobId, UUID taskId, String challengeType, String payloadJson, Instant leaseExpiresAt) {
}
