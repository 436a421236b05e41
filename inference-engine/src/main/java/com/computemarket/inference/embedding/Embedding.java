package com.computemarket.inference.embedding;

/**
 * One input's embedding: the unit vector, the word pieces the model saw (with [CLS] and [SEP], at most the model's
 * maxTokens) and the word pieces of the whole input; {@link #truncated()} when the model saw fewer.
 */
public record Embedding(float[] vector, int tokens, int inputTokens) {

    public boolean truncated() {
        return inputTokens > tokens;
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }
}
