package com.computemarket.market.domain;

import com.computemarket.shared.DomainException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Whether an inference job's {@code output} (job_result) fits the job, and its canonical form (the fields in sorted
 * order, nothing else), whose SHA-256 names it in the store:
 * <ul>
 * <li>embedding: {"kind":"embedding","vectors":[base64 of {@value #EMBEDDING_DIMENSION} float32 LE, one per input],
 * "truncated":[distinct indices of inputs cut to the context]};</li>
 * <li>text: {"kind":"text","text","tokens":[0..max_tokens ids],"logprobs":[one finite number ≤ 0 per token],
 * "finish_reason":"length" (exactly max_tokens) | "eos"}.</li>
 * </ul>
 * A refusal is 422 invalid-output naming the field; the result is then not taken.
 */
public final class JobOutputCheck {

    /** The dimension of the embedding engine's vectors (all-MiniLM-L6-v2). */
    public static final int EMBEDDING_DIMENSION = 384;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The checked output: canonical JSON, and the tokens a text output generated (null for embeddings). */
    public record Checked(ObjectNode canonical, Integer generatedTokens) {
    }

    private JobOutputCheck() {
    }

    public static Checked check(JsonNode payload, JsonNode output) {
        if (output == null || !output.isObject()) {
            throw invalid("output is required for an inference job: a JSON object whose kind is \"embedding\" or \"text\"");
        }
        boolean embedding = payload.has("inputs");
        String kind = embedding ? "embedding" : "text";
        JsonNode k = output.get("kind");
        if (k == null || !kind.equals(k.asText(null))) {
            throw invalid("output.kind must be \"" + kind + "\" for this job");
        }
        return embedding ? embedding(payload.get("inputs").size(), output) : text(payload.get("max_tokens").intValue(), output);
    }

    private static Checked embedding(int inputs, JsonNode output) {
        only(output, Set.of("kind", "vectors", "truncated"));
        JsonNode vectors = output.get("vectors");
        if (vectors == null || !vectors.isArray() || vectors.size() != inputs) {
            throw invalid("output.vectors must hold one vector per input: " + inputs);
        }
        ArrayNode canonicalVectors = NODES.arrayNode();
        for (int i = 0; i < inputs; i++) {
            JsonNode v = vectors.get(i);
            float[] floats = v.isTextual() ? decode(v.textValue()) : null;
            if (floats == null || floats.length != EMBEDDING_DIMENSION) {
                throw invalid("output.vectors[" + i + "] must be base64 of " + EMBEDDING_DIMENSION + " little-endian float32");
            }
            for (float f : floats) {
                if (!Float.isFinite(f)) {
                    throw invalid("output.vectors[" + i + "] holds a value that is not a finite number");
                }
            }
            canonicalVectors.add(v.textValue());
        }
        JsonNode truncated = output.get("truncated");
        ArrayNode canonicalTruncated = NODES.arrayNode();
        if (truncated != null && !truncated.isNull()) {
            if (!truncated.isArray()) {
                throw invalid("output.truncated must be an array of input indices");
            }
            Set<Integer> seen = new HashSet<>();
            for (JsonNode index : truncated) {
                if (!index.isIntegralNumber() || index.intValue() < 0 || index.intValue() >= inputs || !seen.add(index.intValue())) {
                    throw invalid("output.truncated must list distinct input indices from 0 to " + (inputs - 1) + "; got " + index);
                }
                canonicalTruncated.add(index.intValue());
            }
        }
        ObjectNode canonical = NODES.objectNode();
        canonical.put("kind", "embedding");
        canonical.set("truncated", canonicalTruncated);
        canonical.set("vectors", canonicalVectors);
        return new Checked(canonical, null);
    }

    private static Checked text(int maxTokens, JsonNode output) {
        only(output, Set.of("kind", "text", "tokens", "logprobs", "finish_reason"));
        JsonNode text = output.get("text");
        if (text == null || !text.isTextual()) {
            throw invalid("output.text must be the generated text");
        }
        JsonNode tokens = output.get("tokens");
        if (tokens == null || !tokens.isArray() || tokens.size() > maxTokens) {
            throw invalid("output.tokens must be an array of at most max_tokens (" + maxTokens + ") token ids");
        }
        JsonNode logprobs = output.get("logprobs");
        if (logprobs == null || !logprobs.isArray() || logprobs.size() != tokens.size()) {
            throw invalid("output.logprobs must hold one log-probability per token (" + tokens.size() + ")");
        }
        ArrayNode canonicalTokens = NODES.arrayNode();
        ArrayNode canonicalLogprobs = NODES.arrayNode();
        for (int i = 0; i < tokens.size(); i++) {
            JsonNode id = tokens.get(i);
            if (!id.isIntegralNumber() || !id.canConvertToInt() || id.intValue() < 0) {
                throw invalid("output.tokens[" + i + "] must be a non-negative token id");
            }
            JsonNode p = logprobs.get(i);
            if (!p.isNumber() || !Double.isFinite(p.doubleValue()) || p.doubleValue() > 0) {
                throw invalid("output.logprobs[" + i + "] must be a finite number ≤ 0");
            }
            canonicalTokens.add(id.intValue());
            canonicalLogprobs.add(p.doubleValue());
        }
        JsonNode finish = output.get("finish_reason");
        String reason = finish == null ? null : finish.asText(null);
        if (!"length".equals(reason) && !"eos".equals(reason)) {
            throw invalid("output.finish_reason must be \"length\" or \"eos\"");
        }
        if ("length".equals(reason) && tokens.size() != maxTokens) {
            throw invalid("output.finish_reason \"length\" needs exactly max_tokens (" + maxTokens + ") tokens; got " + tokens.size());
        }
        ObjectNode canonical = NODES.objectNode();
        canonical.put("finish_reason", reason);
        canonical.put("kind", "text");
        canonical.set("logprobs", canonicalLogprobs);
        canonical.put("text", text.textValue());
        canonical.set("tokens", canonicalTokens);
        return new Checked(canonical, tokens.size());
    }

    /** Little-endian float32 values of a base64 text; null when it is not base64 or not a whole number of floats. */
    public static float[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length % 4 != 0) {
            return null;
        }
        float[] floats = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(floats);
        return floats;
    }

    private static void only(JsonNode output, Set<String> fields) {
        for (Iterator<String> names = output.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw invalid("output." + name + " is not a field of this output; expected " + fields);
            }
        }
    }

    static DomainException invalid(String detail) {
        return DomainException.unprocessable("invalid-output", detail);
    }
}
