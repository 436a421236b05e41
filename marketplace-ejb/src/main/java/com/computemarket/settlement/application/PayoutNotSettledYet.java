package com.computemarket.settlement.application;

/**
 * A payout's transaction is neither in a block nor proven dead yet (or the node refused it for a reason that may pass):
 * deliver it again later. Unchecked and not an application exception, so the listener's message is redelivered.
 */
public class PayoutNotSettledYet extends RuntimeException {

    public PayoutNotSettledYet(String message) {
        super(message);
    }
}
