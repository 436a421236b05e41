package com.computemarket.challenge.inference;

/** The verifier's decision on one embedding job: accepted, or rejected with the first failed check as the reason. */
public record Verdict(boolean accepted, String reason, int itemsOpened, int itemsReexecuted) {

    static Verdict accept(int items) {
        return new Verdict(true, "accepted: " + items + " items opened and re-executed", items, items);
    }

    static Verdict reject(String reason, int opened, int reexecuted) {
        return new Verdict(false, reason, opened, reexecuted);
    }
}
