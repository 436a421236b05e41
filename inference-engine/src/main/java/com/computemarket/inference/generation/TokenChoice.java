package com.computemarket.inference.generation;

/**
 * The token chosen at one generated position and its log-probability: {@code log softmax(logits)[token]} at
 * temperature 1 (the model's own distribution, whatever temperature sampled the token), as a float32.
 */
public record TokenChoice(int token, float logProb) {
}
