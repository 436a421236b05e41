package com.computemarket.inference.generation;

/** Why generation stopped: {@code max_tokens} reached, or the model produced its end-of-sequence token. */
public enum FinishReason {
    LENGTH("length"),
    EOS("eos");

    private final String wire;

    FinishReason(String wire) {
        this.wire = wire;
    }

    /** The name on the wire and in results: "length" or "eos". */
    public String wire() {
        return wire;
    }
}
