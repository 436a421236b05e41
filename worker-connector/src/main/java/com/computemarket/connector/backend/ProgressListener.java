package com.computemarket.connector.backend;

/** How far a running job is, for the terminal; a backend may call it from any thread, or never. */
@FunctionalInterface
public interface ProgressListener {

    /** {@code fraction} in [0, 1]; {@code stage} a few words ("multiplying", "hashing rows"). */
    void progress(double fraction, String stage);

    ProgressListener NONE = (fraction, stage) -> {
    };
}
