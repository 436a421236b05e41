package com.computemarket.chain.crypto;

/** A key file that cannot be read: wrong passphrase, damaged content or not a secp256k1 key. */
public class KeyFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
