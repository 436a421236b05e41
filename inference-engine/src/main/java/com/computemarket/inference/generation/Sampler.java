package com.computemarket.inference.generation;

/**
 * Chooses a token from logits, reproducibly. Temperature 0: the arg-max (lowest index on a tie). Temperature T > 0:
 * p_j ∝ exp((logit_j − max)/T) in double (StrictMath.exp), summed in index order; u = uniform(seed, i) in [0, 1);
 * the first j whose running sum exceeds u · total (the last j with p_j > 0 if rounding leaves none). The uniform
 * of generated position i (0-based) is counter-based, so any position replays alone:
 * <pre>
 *   z = seed + (i + 1) · 0x9E3779B97F4A7C15     (mod 2^64)
 *   z = (z ^ z>>>30) · 0xBF58476D1CE4E5B9; z = (z ^ z>>>27) · 0x94D049BB133111EB; z = z ^ z>>>31
 *   u = (z >>> 11) · 2^−53
 * </pre>
 * (the (i+1)-th output of SplitMix64 seeded with the seed, as the synthetic challenge's generator).
 * The log-probability is {@code logit_t − max − ln Σ_j exp(logit_j − max)} in double, j in index order, rounded to
 * float: the model's distribution at temperature 1, whatever the sampling temperature.
 */
public final class Sampler {

    private Sampler() {
    }

    public static TokenChoice choose(float[] logits, float temperature, long seed, int generatedIndex) {
        int token = temperature == 0f ? argMax(logits) : sample(logits, temperature, uniform(seed, generatedIndex));
        return new TokenChoice(token, logProb(logits, token));
    }

    public static int argMax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    public static double uniform(long seed, int generatedIndex) {
        long z = seed + (generatedIndex + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1p-53;
    }

    static int sample(float[] logits, float temperature, double u) {
        float max = logits[argMax(logits)];
        double[] p = new double[logits.length];
        double total = 0;
        for (int j = 0; j < logits.length; j++) {
            p[j] = StrictMath.exp(((double) logits[j] - max) / temperature);
            total += p[j];
        }
        double target = u * total;
        double running = 0;
        int last = 0;
        for (int j = 0; j < p.length; j++) {
            if (p[j] > 0) {
                running += p[j];
                last = j;
                if (running > target) {
                    return j;
                }
            }
        }
        return last;
    }

    public static float logProb(float[] logits, int token) {
        float max = logits[argMax(logits)];
        double sum = 0;
        for (float l : logits) {
            sum += StrictMath.exp((double) l - max);
        }
        return (float) ((double) logits[token] - max - StrictMath.log(sum));
    }
}
