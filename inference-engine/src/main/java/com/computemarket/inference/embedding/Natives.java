package com.computemarket.inference.embedding;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Loads the engines' native libraries now (ONNX Runtime; DJL's tokenizers, which extract theirs under DJL_CACHE_DIR or
 * ~/.djl.ai), so that a host (the server at deployment) learns at once whether they load, not at the first job.
 */
public final class Natives {

    /** A one-word WordLevel tokenizer: enough to make DJL load its native library, no model files needed. */
    private static final String TOKENIZER = """
            {"version":"1.0","truncation":null,"padding":null,"added_tokens":[],"normalizer":null,
             "pre_tokenizer":{"type":"Whitespace"},"post_processor":null,"decoder":null,
             "model":{"type":"WordLevel","vocab":{"[UNK]":0,"probe":1},"unk_token":"[UNK]"}}""";

    private Natives() {
    }

    /** What was loaded, for a log line; an Error or RuntimeException when a native library does not load. */
    public static String load() {
        OrtEnvironment.getEnvironment();
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                new ByteArrayInputStream(TOKENIZER.getBytes(StandardCharsets.UTF_8)), Map.of())) {
            int ids = tokenizer.encode("probe").getIds().length;
            return "ONNX Runtime " + OrtEnvironment.getEnvironment().getVersion() + " and DJL tokenizers loaded (probe: "
                    + ids + " token)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
