package com.computemarket.chain.protocol;

/** Chain data that does not have the form the node would accept or produce; the message says what is wrong. */
public class ChainFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChainFormatException(String message) {
        super(message);
    }

    public ChainFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
