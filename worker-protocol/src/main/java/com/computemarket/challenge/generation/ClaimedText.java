package com.computemarket.challenge.generation;

import java.util.Arrays;

/**
 * A worker's text-generation result, as delivered: the generated token ids (an EOS that ended generation included),
 * one float32 log-probability per token, and the finish reason ({@code "length"} or {@code "eos"}). The text is
 * not part of it: the platform decodes it from the tokens with the model's tokenizer rather than trust the worker.
 */
public record ClaimedText(int[] tokens, float[] logProbs, String finishReason) {

    public static final String LENGTH = "length";
    public static final String EOS = "eos";

    public ClaimedText {
        tokens = tokens.clone();
        logProbs = logProbs.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    @Override
    public float[] logProbs() {
        return logProbs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClaimedText c && Arrays.equals(c.tokens, tokens) && Arrays.equals(c.logProbs, logProbs)
                && c.finishReason.equals(finishReason);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(tokens) + Arrays.hashCode(logProbs);
    }

    @Override
    public String toString() {
        return "ClaimedText[" + tokens.length + " tokens, " + finishReason + "]";
    }
}
