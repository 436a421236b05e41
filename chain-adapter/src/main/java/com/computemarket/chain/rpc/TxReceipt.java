package com.computemarket.chain.rpc;

import java.util.Optional;

/**
 * {@code GET /tx/{hash}/receipt}. On the real node it stays "pending" after inclusion: never use it to decide
 * that a transaction is in a block, use {@link InclusionFinder}.
 *
 * @param status        "pending", "confirmed" or "failed"
 * @param blockHeight   the including block, null while pending
 * @param confirmations present once confirmed
 */
public record TxReceipt(String txHash, String status, Long blockHeight, Long timestamp, String error,
                        Long confirmations) {

    public Optional<Long> includedAt() {
        return Optional.ofNullable(blockHeight);
    }
}
