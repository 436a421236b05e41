package com.computemarket.workerprotocol;

/**
 * A text frame that is not a valid worker-protocol message. {@code code} is the stable slug the server answers in
 * its {@code error} message: {@code message-too-large}, {@code malformed-message}, {@code unknown-message-type} or
 * {@code invalid-message}.
 */
public class WireFormatException extends RuntimeException {

    public static final String TOO_LARGE = "message-too-large";
    public static final String MALFORMED = "malformed-message";
    public static final String UNKNOWN_TYPE = "unknown-message-type";
    public static final String INVALID = "invalid-message";

    private final String code;

    public WireFormatException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public WireMessage.ErrorMessage toErrorMessage() {
        return new WireMessage.ErrorMessage(code, getMessage());
    }
}
