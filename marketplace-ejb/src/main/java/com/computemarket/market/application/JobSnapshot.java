package com.computemarket.market.application;

import java.util.UUID;

/**
 * A job as the verifier sees it: the result it checks and whether the job still awaits a verdict. {@code status} is
 * the job's state in words (e.g. "submitted", "settled"), for messages only.
 */
public record JobSnapshot(UUID id, UUID taskId, UUID workerId, String challengeType, String payload, String resultHash,
                          int attempts, String status, boolean awaitingVerdict) {
}
