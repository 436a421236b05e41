package com.computemarket.workers.domain;

import java.nio.charset.StandardCharsets;

/**
 * The exact text a worker signs to enrol (docs/protocol/worker-enrolment.md): four lines joined by "\n", no trailing
 * newline, UTF-8. The worker signs sha256 of these bytes with its secp256k1 key in the chain's signature format.
 * Binding the operator and the address into the text means a signature proves this key, for this operator, for
 * this address, once (the nonce is single use).
 */
public final class EnrolmentMessage {

    public static final String HEADER = "ComputeMarket worker enrolment";
    /** Stands for the address in the message returned with a challenge asked for without one. */
    public static final String ADDRESS_PLACEHOLDER = "<address>";

    private EnrolmentMessage() {
    }

    public static String text(String operatorSubject, String address, String nonceHex) {
        return HEADER + "\noperator: " + operatorSubject + "\naddress: " + address + "\nnonce: " + nonceHex;
    }

    public static byte[] bytes(String operatorSubject, String address, String nonceHex) {
        return text(operatorSubject, address, nonceHex).getBytes(StandardCharsets.UTF_8);
    }
}
