package com.computemarket.chain.rpc;

/**
 * A ComputeChain node answered with an error, or with something this client cannot read.
 * {@link #httpStatus()} is the HTTP status, or -1 where there was no usable answer.
 */
public class ChainRpcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    public ChainRpcException(String message, int httpStatus) {
        super(message);
        this.httpStatus = httpStatus;
    }

    public ChainRpcException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
