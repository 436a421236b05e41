package com.computemarket.challenge.synthetic;

/** The verifier's decision on one job: accepted, or rejected with the first failed check as the reason. */
public record Verdict(boolean accepted, String reason, int rowsChecked, int entriesChecked) {

    static Verdict accept(int rows, int entries) {
        return new Verdict(true, "accepted: " + rows + " rows opened, " + entries + " entries recomputed", rows, entries);
    }

    static Verdict reject(String reason, int rows, int entries) {
        return new Verdict(false, reason, rows, entries);
    }
}
