package com.computemarket.inference.generation;

/**
 * What a generation job returns: the text of the generated tokens, their ids (an EOS that ended generation
 * included, its text is empty), each one's log-probability (see {@link TokenChoice}), why it stopped, and the
 * prompt's token count (BOS included).
 */
public record GenerationResult(String text, int[] tokens, float[] logProbs, FinishReason finishReason,
                               int promptTokens) {

    public GenerationResult {
        tokens = tokens.clone();
        logProbs = logProbs.clone();
        if (tokens.length != logProbs.length) {
            throw new IllegalArgumentException("one log-probability per token");
        }
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    @Override
    public float[] logProbs() {
        return logProbs.clone();
    }
}
