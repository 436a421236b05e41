package com.computemarket.challenge.inference;

import java.util.Arrays;

/**
 * How a re-executed vector is compared with the opened one: {@link #EXACT} (the same float32 bits) or
 * {@link #cosine} (cosine similarity at least 1 − ε). The spec (docs/protocol/inference.md) chooses from measurements.
 */
public record Comparison(boolean exact, double epsilon) {

    /** Bit-identical vectors: what the engine gives on one machine across threads, runs and JDKs (measured). */
    public static final Comparison EXACT = new Comparison(true, 0);

    /**
     * For a re-execution on another machine than the worker's (another CPU's kernels), not measured here: 1 − ε with
     * ε = 1e-6, 10^6 above the 1 − cos of 8e-13 measured between ONNX Runtime's optimised and unoptimised graphs
     * (other kernels, other summation orders) and about 4,600× below the closest quantised-for-fp32 substitute
     * (1 − cos = 4.6e-3).
     */
    public static final Comparison TOLERANT = new Comparison(false, 1e-6);

    /** An opened vector's L2 norm must lie within this of 1 (float32 rounding after normalisation is ~1e-7). */
    public static final double NORM_TOLERANCE = 1e-4;

    public Comparison {
        if (exact ? epsilon != 0 : !(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("exact with ε = 0, or 0 < ε < 1");
        }
    }

    public static Comparison cosine(double epsilon) {
        return new Comparison(false, epsilon);
    }

    /** Null when {@code claimed} passes against {@code expected}, otherwise why not. */
    public String mismatch(float[] claimed, float[] expected) {
        if (claimed.length != expected.length) {
            return "dimension " + claimed.length + ", expected " + expected.length;
        }
        if (exact) {
            if (Arrays.equals(claimed, expected)) {
                return null;
            }
            return "vector differs from the re-execution (cosine " + cosine(claimed, expected) + ", rule: bit-exact)";
        }
        double c = cosine(claimed, expected);
        return c >= 1 - epsilon ? null : "cosine " + c + " < 1 - " + epsilon;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    public static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    @Override
    public String toString() {
        return exact ? "bit-exact" : "cosine >= 1 - " + epsilon;
    }
}
