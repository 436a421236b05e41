package com.computemarket.challenge.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One embedding job: {@code {"model_id": "...", "inputs": ["...", ...]}}. Item i of the result is the embedding of
 * {@code inputs[i]}. Bounds: 1 to {@value #MAX_INPUTS} inputs; each 1 to {@value #MAX_INPUT_CHARS} Unicode code
 * points of well-formed text (a lone UTF-16 surrogate has no UTF-8 form, so its input hash would be ambiguous).
 */
public record EmbeddingJob(String modelId, List<String> inputs) {

    /** The task type's name on the wire. */
    public static final String CHALLENGE_TYPE = "embedding";
    public static final int MAX_INPUTS = 4096;
    /** Code points; 256 word pieces are about 1,000 characters of English, so longer inputs are mostly truncated. */
    public static final int MAX_INPUT_CHARS = 4096;

    public EmbeddingJob {
        if (modelId == null) {
            throw new IllegalArgumentException("model_id is required");
        }
        EmbeddingModel.byId(modelId);
        inputs = checkInputs(inputs);
    }

    /**
     * The inputs, copied, or IllegalArgumentException naming the first bad one: none, more than {@value #MAX_INPUTS},
     * null, empty, longer than {@value #MAX_INPUT_CHARS} code points, or holding a lone surrogate.
     */
    public static List<String> checkInputs(List<String> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs must hold at least one string");
        }
        if (inputs.size() > MAX_INPUTS) {
            throw new IllegalArgumentException("inputs holds " + inputs.size() + " strings; at most " + MAX_INPUTS);
        }
        List<String> copy = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            String input = inputs.get(i);
            if (input == null) {
                throw new IllegalArgumentException("inputs[" + i + "] is null");
            }
            if (input.isEmpty()) {
                throw new IllegalArgumentException("inputs[" + i + "] is empty");
            }
            int codePoints = input.codePointCount(0, input.length());
            if (codePoints > MAX_INPUT_CHARS) {
                throw new IllegalArgumentException("inputs[" + i + "] has " + codePoints + " characters; at most "
                        + MAX_INPUT_CHARS);
            }
            for (int c = 0; c < input.length(); c++) {
                char ch = input.charAt(c);
                if (Character.isHighSurrogate(ch) && c + 1 < input.length() && Character.isLowSurrogate(input.charAt(c + 1))) {
                    c++;
                } else if (Character.isSurrogate(ch)) {
                    throw new IllegalArgumentException("inputs[" + i + "] is not valid Unicode: lone surrogate at " + c);
                }
            }
            copy.add(input);
        }
        return List.copyOf(copy);
    }

    /** From a job payload; IllegalArgumentException naming the field otherwise. */
    public static EmbeddingJob fromPayload(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("an embedding payload is a JSON object");
        }
        JsonNode model = payload.get("model_id");
        if (model == null || !model.isTextual()) {
            throw new IllegalArgumentException("payload.model_id must be a string");
        }
        JsonNode inputs = payload.get("inputs");
        if (inputs == null || !inputs.isArray()) {
            throw new IllegalArgumentException("payload.inputs must be an array of strings");
        }
        if (inputs.size() > MAX_INPUTS) {
            throw new IllegalArgumentException("inputs holds " + inputs.size() + " strings; at most " + MAX_INPUTS);
        }
        List<String> texts = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            if (!inputs.get(i).isTextual()) {
                throw new IllegalArgumentException("payload.inputs[" + i + "] must be a string; got " + inputs.get(i));
            }
            texts.add(inputs.get(i).textValue());
        }
        return new EmbeddingJob(model.textValue(), texts);
    }

    /** The payload {@link #fromPayload} reads back. */
    public ObjectNode toPayload() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("model_id", modelId);
        ArrayNode array = node.putArray("inputs");
        inputs.forEach(array::add);
        return node;
    }

    public EmbeddingModel model() {
        return EmbeddingModel.byId(modelId);
    }

    /** Items of the result: the Merkle tree's leaf count. */
    public int size() {
        return inputs.size();
    }

    /** SHA-256 of inputs[index] as UTF-8. */
    public byte[] inputSha256(int index) {
        return Digests.sha256Utf8(inputs.get(index));
    }
}
