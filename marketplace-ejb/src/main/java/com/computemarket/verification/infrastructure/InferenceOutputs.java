package com.computemarket.verification.infrastructure;

import com.computemarket.challenge.generation.ClaimedText;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads a worker's inference output (job_result.output) as the verifier needs it; IllegalArgumentException naming the
 * field when it is malformed. Small on purpose: worker-protocol is getting shared parsing helpers for these outputs
 * (another branch of issue 12); this class should give way to them at merge.
 * <pre>
 *   embeddings: {"kind":"embedding","vectors":[base64 of float32 LE, one per input],"truncated":[indices]}
 *   text:       {"kind":"text","text":"…","tokens":[ids],"logprobs":[floats],"finish_reason":"length"|"eos"}
 * </pre>
 */
final class InferenceOutputs {

    private InferenceOutputs() {
    }

    static List<float[]> vectors(JsonNode output) {
        requireKind(output, "embedding");
        JsonNode vectors = output.get("vectors");
        if (vectors == null || !vectors.isArray()) {
            throw new IllegalArgumentException("output.vectors must be an array of base64 strings");
        }
        List<float[]> out = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            JsonNode item = vectors.get(i);
            if (!item.isTextual()) {
                throw new IllegalArgumentException("output.vectors[" + i + "] must be a base64 string");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(item.textValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("output.vectors[" + i + "] is not base64: " + e.getMessage());
            }
            if (bytes.length % Float.BYTES != 0) {
                throw new IllegalArgumentException("output.vectors[" + i + "] holds " + bytes.length + " bytes, not whole float32s");
            }
            float[] v = new float[bytes.length / Float.BYTES];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            out.add(v);
        }
        return out;
    }

    static ClaimedText text(JsonNode output) {
        requireKind(output, "text");
        JsonNode tokens = output.get("tokens");
        JsonNode logProbs = output.get("logprobs");
        JsonNode finish = output.get("finish_reason");
        if (tokens == null || !tokens.isArray() || logProbs == null || !logProbs.isArray()) {
            throw new IllegalArgumentException("output.tokens and output.logprobs must be arrays");
        }
        if (finish == null || !finish.isTextual()) {
            throw new IllegalArgumentException("output.finish_reason must be a string");
        }
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            if (!tokens.get(i).canConvertToInt() || !tokens.get(i).isIntegralNumber()) {
                throw new IllegalArgumentException("output.tokens[" + i + "] must be an int");
            }
            ids[i] = tokens.get(i).intValue();
        }
        float[] lp = new float[logProbs.size()];
        for (int i = 0; i < lp.length; i++) {
            if (!logProbs.get(i).isNumber()) {
                throw new IllegalArgumentException("output.logprobs[" + i + "] must be a number");
            }
            lp[i] = logProbs.get(i).floatValue(); // float32 as the worker committed it: JSON carries its shortest decimal
        }
        return new ClaimedText(ids, lp, finish.textValue());
    }

    private static void requireKind(JsonNode output, String kind) {
        if (output == null || !output.isObject()) {
            throw new IllegalArgumentException("the output is not a JSON object");
        }
        JsonNode k = output.get("kind");
        if (k == null || !kind.equals(k.asText())) {
            throw new IllegalArgumentException("output.kind must be \"" + kind + "\"; got " + k);
        }
    }
}
