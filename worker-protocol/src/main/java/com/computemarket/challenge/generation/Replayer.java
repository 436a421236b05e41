package com.computemarket.challenge.generation;

/**
 * The verifier's port to a deterministic engine holding the job's model: feed the prompt, then the claimed tokens
 * (teacher forcing), and report at each requested generated index what the engine itself chooses there (the
 * greedy arg-max at temperature 0, the replayed sample of (seed, index) otherwise) and that token's
 * log-probability. inference-engine's {@code TextGenerator.replay} is the implementation; an adapter lives where
 * both modules are visible (the verifier, the connector).
 */
public interface Replayer {

    /**
     * The engine's choice at each index (ascending, each below claimedTokens.length); IllegalArgumentException when
     * the claimed tokens cannot be fed (an id outside the vocabulary), which the verifier turns into a rejection.
     */
    Choice[] replay(int[] claimedTokens, int[] indices);

    /** The model's end-of-sequence token id. */
    int eosToken();

    /** The engine's token and its log-probability (float32). */
    record Choice(int token, float logProb) {
    }
}
