package com.computemarket.chain.settlement;

import jakarta.ejb.ApplicationException;

/**
 * The L1 refused a transaction, or it never appeared in a block in time. {@link #reason()} is the node's own
 * reason string ({@code insufficient_balance}, {@code nonce_too_low}, …) or ours when we refused before sending.
 */
@ApplicationException
public class ChainRejection extends RuntimeException {

    private final String reason;

    public ChainRejection(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
