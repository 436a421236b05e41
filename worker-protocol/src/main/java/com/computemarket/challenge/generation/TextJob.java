package com.computemarket.challenge.generation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A text-generation job as the verifier sees it: the payload {@code {model_id, prompt, max_tokens, temperature}}
 * and the sampling seed (the payload's {@code seed}, or the one derived from the job id). Its {@link #genesis()}
 * starts the records' hash chain, binding every record to this job:
 * <pre>
 *   genesis = SHA-256( "cm-textgen-v1" || 0x00 || utf8(model_id) || 0x00 || utf8(prompt) || 0x00
 *                      || le32(max_tokens) || le32(float32 bits of temperature) || le64(seed) )
 * </pre>
 */
public record TextJob(String modelId, String prompt, int maxTokens, float temperature, long seed) {

    public TextJob {
        if (modelId == null || prompt == null || maxTokens < 1 || !(temperature >= 0f)) {
            throw new IllegalArgumentException("model_id, prompt, max_tokens ≥ 1 and temperature ≥ 0 are required");
        }
    }

    public byte[] genesis() {
        MessageDigest sha = Sha256.digest();
        sha.update("cm-textgen-v1".getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) 0);
        sha.update(modelId.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(prompt.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(maxTokens)
                .putInt(Float.floatToRawIntBits(temperature)).putLong(seed).array());
        return sha.digest();
    }
}
