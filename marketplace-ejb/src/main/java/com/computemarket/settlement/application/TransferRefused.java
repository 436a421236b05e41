package com.computemarket.settlement.application;

/** The L1 (or the chain adapter before sending) refused a payout transaction; {@code reason} as the node said it. */
public class TransferRefused extends RuntimeException {

    private final String reason;

    public TransferRefused(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
