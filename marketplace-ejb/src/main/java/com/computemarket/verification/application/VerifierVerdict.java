package com.computemarket.verification.application;

/**
 * A verifier's decision, whatever the challenge type: accepted or not, why, how many items were checked (rows opened,
 * items or positions re-executed), how many entries or vectors were compared, and what checking cost in µs.
 */
public record VerifierVerdict(boolean accepted, String reason, int itemsChecked, int entriesChecked, long micros) {

    public static VerifierVerdict rejected(String reason, long micros) {
        return new VerifierVerdict(false, reason, 0, 0, micros);
    }
}
