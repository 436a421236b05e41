package com.computemarket.connector.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A synthetic job's payload {@code {"seed":"1234abcd…","matrix_size":1024,"iterations":100}} (the ComputeChain task
 * market's format), checked before a backend sees it.
 */
public record SyntheticPayload(String seed, int matrixSize, int iterations) {

    public static final String CHALLENGE_TYPE = "synthetic";
    /** int32 accumulation of int8 products is exact up to n = 2^17. */
    public static final int MAX_MATRIX_SIZE = 1 << 17;

    public SyntheticPayload {
        if (seed == null || seed.isEmpty() || !seed.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("seed must be hex");
        }
        if (matrixSize < 1 || matrixSize > MAX_MATRIX_SIZE) {
            throw new IllegalArgumentException("matrix_size must be between 1 and " + MAX_MATRIX_SIZE + "; got " + matrixSize);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1; got " + iterations);
        }
    }

    public static SyntheticPayload from(JsonNode payload) {
        JsonNode size = payload.path("matrix_size");
        JsonNode iterations = payload.path("iterations");
        if (!payload.path("seed").isTextual() || !size.canConvertToInt() || !size.isIntegralNumber()
                || (!iterations.isMissingNode() && !iterations.isIntegralNumber())) {
            throw new IllegalArgumentException("payload must be {\"seed\": hex, \"matrix_size\": int, \"iterations\": int}");
        }
        return new SyntheticPayload(payload.get("seed").asText(), size.asInt(), iterations.isMissingNode() ? 1 : iterations.asInt());
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("seed", seed);
        node.put("matrix_size", matrixSize);
        node.put("iterations", iterations);
        return node;
    }
}
