package com.computemarket.market.application;

import com.computemarket.shared.Amount;
import java.time.Instant;

/**
 * What a task request would cost and how it would run, before it is submitted: the jobs it splits into, the reward
 * held in escrow, the smallest and largest job reward, what the platform keeps and what workers get.
 */
public record TaskPreview(String challengeType, int jobs, Amount reward, Amount smallestJobReward,
                          Amount largestJobReward, Amount platformFee, Amount toWorkers, Instant deadline) {
}
