package com.computemarket.settlement.domain;

/**
 * PENDING → SIGNED (transaction recorded, maybe not sent) → SENT → CONFIRMED (found in a block). REPLACED: its
 * transaction was proven dead (its nonce spent by another, it is in no block) and a new one is to be signed.
 * FAILED: the node refused it for good; the amount went back to the worker's payable.
 */
public enum PayoutStatus {
    PENDING, SIGNED, SENT, CONFIRMED, REPLACED, FAILED;

    /** Still on its way: the worker gets no second payout meanwhile. */
    public boolean open() {
        return this != CONFIRMED && this != FAILED;
    }

    /** A transaction is recorded for it that may be on the chain. */
    public boolean hasLiveTransaction() {
        return this == SIGNED || this == SENT;
    }
}
