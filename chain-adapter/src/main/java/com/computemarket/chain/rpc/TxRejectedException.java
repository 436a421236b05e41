package com.computemarket.chain.rpc;

/**
 * {@code /tx/send} answered 200 with {@code "status":"rejected"}: the node did not take the transaction.
 * {@link #reason()} is the node's {@code error} text verbatim (e.g. {@code nonce_too_low},
 * {@code fee 79999999 < needed_fee 80000000}).
 */
public class TxRejectedException extends ChainRpcException {

    private static final long serialVersionUID = 1L;

    private final String txHash;
    private final String reason;

    public TxRejectedException(String txHash, String reason) {
        super("transaction " + txHash + " rejected by the node: " + reason, 200);
        this.txHash = txHash;
        this.reason = reason;
    }

    public String txHash() {
        return txHash;
    }

    public String reason() {
        return reason;
    }
}
