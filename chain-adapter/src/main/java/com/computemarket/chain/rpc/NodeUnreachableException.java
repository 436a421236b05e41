package com.computemarket.chain.rpc;

/**
 * No answer from the node after every retry (connection refused, timeouts, 502/503/504).
 * For {@code send}, {@link #txHash()} names the transaction and {@link #possiblyReceived()} says whether an
 * attempt may have reached the node: then it may still be included, so confirm by block scan before
 * resending (the identical signed bytes only).
 */
public class NodeUnreachableException extends ChainRpcException {

    private static final long serialVersionUID = 1L;

    private final String txHash;
    private final boolean possiblyReceived;

    public NodeUnreachableException(String message, Throwable cause) {
        this(message, null, false, cause);
    }

    public NodeUnreachableException(String message, String txHash, boolean possiblyReceived, Throwable cause) {
        super(message, -1, cause);
        this.txHash = txHash;
        this.possiblyReceived = possiblyReceived;
    }

    /** The transaction being sent, or null for a read. */
    public String txHash() {
        return txHash;
    }

    public boolean possiblyReceived() {
        return possiblyReceived;
    }
}
