package com.computemarket.challenge.inference;

import java.util.List;

/**
 * The verifier's port to an embedding engine: the vectors of {@code inputs} under {@code model}, one per input, in
 * order. inference-engine's {@code EmbeddingEngine} implements it; the verifier calls it once per job with the
 * challenged items' inputs.
 */
@FunctionalInterface
public interface Reexecution {
    List<float[]> embed(EmbeddingModel model, List<String> inputs);
}
