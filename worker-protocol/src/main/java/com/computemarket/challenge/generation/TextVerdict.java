package com.computemarket.challenge.generation;

/** The verifier's decision on one text job: accepted, or rejected with the first failed check as the reason. */
public record TextVerdict(boolean accepted, String reason, int positionsReplayed) {

    static TextVerdict accept(int positions) {
        return new TextVerdict(true, "accepted: " + positions + " positions replayed bit-exact", positions);
    }

    static TextVerdict reject(String reason, int positions) {
        return new TextVerdict(false, reason, positions);
    }
}
