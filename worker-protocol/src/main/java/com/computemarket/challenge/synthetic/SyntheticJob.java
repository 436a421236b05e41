package com.computemarket.challenge.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * One synthetic job as the server splits a task: the task's {@code seed} and {@code matrix_size}, and the job's
 * {@code first_iteration} and {@code iterations}. Its result has {@code iterations × matrixSize} rows (leaves), the
 * rows of iteration {@code firstIteration + t} at leaf indices {@code t·n … t·n + n − 1}.
 */
public record SyntheticJob(String seed, int matrixSize, int firstIteration, int iterations) {

    /** The task type's name on the wire. */
    public static final String CHALLENGE_TYPE = "synthetic";

    /** The generator addresses rows and columns with 16 bits. */
    public static final int MAX_MATRIX_SIZE = 65_536;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,64}");

    public SyntheticJob {
        if (seed == null || !HEX.matcher(seed).matches()) {
            throw new IllegalArgumentException("seed must be 1 to 64 lower-case hex digits; got " + seed);
        }
        if (matrixSize < 1 || matrixSize > MAX_MATRIX_SIZE) {
            throw new IllegalArgumentException("matrix_size must be from 1 to " + MAX_MATRIX_SIZE + "; got " + matrixSize);
        }
        if (firstIteration < 0 || iterations < 1 || (long) firstIteration + iterations > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("first_iteration must be >= 0 and iterations >= 1; got "
                    + firstIteration + ", " + iterations);
        }
        if ((long) iterations * matrixSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("iterations × matrix_size must fit in an int");
        }
    }

    /**
     * From a job payload {@code {"seed", "matrix_size", "iterations", "first_iteration"?}} (first_iteration 0 when
     * absent, as in a task payload or the stage-4 flow); IllegalArgumentException naming the field otherwise.
     */
    public static SyntheticJob fromPayload(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("a synthetic payload is a JSON object");
        }
        JsonNode seed = payload.get("seed");
        if (seed == null || !seed.isTextual()) {
            throw new IllegalArgumentException("payload.seed must be a hex string");
        }
        return new SyntheticJob(seed.textValue(), integer(payload, "matrix_size", true),
                integer(payload, "first_iteration", false), integer(payload, "iterations", true));
    }

    /** The job payload this job reads back with {@link #fromPayload}. */
    public com.fasterxml.jackson.databind.node.ObjectNode toPayload() {
        var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.put("seed", seed);
        node.put("matrix_size", matrixSize);
        node.put("first_iteration", firstIteration);
        node.put("iterations", iterations);
        return node;
    }

    private static int integer(JsonNode payload, String field, boolean required) {
        JsonNode v = payload.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("payload." + field + " is required");
            }
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("payload." + field + " must be an integer; got " + v);
        }
        return v.intValue();
    }

    /** Rows of the result over all the job's iterations: the Merkle tree's leaf count. */
    public int leafCount() {
        return iterations * matrixSize;
    }

    /** The absolute iteration of a leaf (what the generator takes). */
    public int iterationOf(int leafIndex) {
        checkLeaf(leafIndex);
        return firstIteration + leafIndex / matrixSize;
    }

    /** The row within its iteration's C of a leaf. */
    public int rowOf(int leafIndex) {
        checkLeaf(leafIndex);
        return leafIndex % matrixSize;
    }

    public Generator generator() {
        return new Generator(seed);
    }

    private void checkLeaf(int leafIndex) {
        if (leafIndex < 0 || leafIndex >= leafCount()) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " outside 0.." + (leafCount() - 1));
        }
    }
}
