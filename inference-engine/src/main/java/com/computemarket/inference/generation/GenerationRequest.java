package com.computemarket.inference.generation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A text-generation job: the ComputeChain payload {@code {model_id, prompt, max_tokens, temperature}} plus the
 * sampling seed, which is the payload's optional {@code seed} or, without one, {@link #seedFromJobId(String)}.
 * Bounds: 1 ≤ max_tokens ≤ {@value #MAX_TOKENS}; 0 ≤ temperature ≤ {@value #MAX_TEMPERATURE}; the prompt at most
 * {@value #MAX_PROMPT_CHARS} characters (the model's context is checked when the prompt is tokenised).
 */
public record GenerationRequest(String modelId, String prompt, int maxTokens, float temperature, long seed) {

    public static final int MAX_TOKENS = 4096;
    public static final float MAX_TEMPERATURE = 2.0f;
    public static final int MAX_PROMPT_CHARS = 32768;

    public GenerationRequest {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("model_id is required");
        }
        if (prompt == null || prompt.length() > MAX_PROMPT_CHARS) {
            throw new IllegalArgumentException("prompt is required and at most " + MAX_PROMPT_CHARS + " characters");
        }
        if (maxTokens < 1 || maxTokens > MAX_TOKENS) {
            throw new IllegalArgumentException("max_tokens must be 1.." + MAX_TOKENS + "; got " + maxTokens);
        }
        if (!(temperature >= 0f && temperature <= MAX_TEMPERATURE)) {
            throw new IllegalArgumentException("temperature must be 0.." + MAX_TEMPERATURE + "; got " + temperature);
        }
    }

    public boolean greedy() {
        return temperature == 0f;
    }

    /** The seed of a job whose payload has none: the first 8 bytes (big-endian) of SHA-256(UTF-8 job id). */
    public static long seedFromJobId(String jobId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(jobId.getBytes(StandardCharsets.UTF_8));
            long s = 0;
            for (int i = 0; i < 8; i++) {
                s = (s << 8) | (h[i] & 0xFF);
            }
            return s;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
