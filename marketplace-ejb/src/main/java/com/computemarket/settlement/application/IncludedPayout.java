package com.computemarket.settlement.application;

import com.computemarket.shared.Amount;

/** A payout transaction found in a block, with the fee the chain charged the platform wallet for it. */
public record IncludedPayout(String txHash, long height, String blockHash, Amount fee) {
}
