package com.computemarket.challenge.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String refusal(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void aPayloadReadsBackAsTheSameJob() throws Exception {
        JsonNode payload = JSON.readTree("{\"model_id\":\"all-minilm-l6-v2\",\"inputs\":[\"a cat\",\"ünïcode ✅\"]}");
        EmbeddingJob job = EmbeddingJob.fromPayload(payload);
        assertEquals(List.of("a cat", "ünïcode ✅"), job.inputs());
        assertEquals(EmbeddingModel.ALL_MINILM_L6_V2, job.model());
        assertEquals(job, EmbeddingJob.fromPayload(job.toPayload()));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest("ünïcode ✅".getBytes(StandardCharsets.UTF_8)),
                job.inputSha256(1));
    }

    @Test
    void badInputsAreRefusedNamingTheItem() {
        String model = EmbeddingModel.ALL_MINILM_L6_V2.id();
        assertTrue(refusal(() -> new EmbeddingJob(model, List.of())).contains("at least one"));
        assertTrue(refusal(() -> new EmbeddingJob(model, Collections.nCopies(EmbeddingJob.MAX_INPUTS + 1, "x")))
                .contains("at most " + EmbeddingJob.MAX_INPUTS));
        assertTrue(refusal(() -> new EmbeddingJob(model, Arrays.asList("ok", null))).contains("inputs[1] is null"));
        assertTrue(refusal(() -> new EmbeddingJob(model, List.of("ok", ""))).contains("inputs[1] is empty"));
        assertTrue(refusal(() -> new EmbeddingJob(model, List.of("x".repeat(EmbeddingJob.MAX_INPUT_CHARS + 1))))
                .contains("at most " + EmbeddingJob.MAX_INPUT_CHARS));
        assertTrue(refusal(() -> new EmbeddingJob(model, List.of("bad \uD800 surrogate"))).contains("lone surrogate"));
        assertTrue(refusal(() -> new EmbeddingJob(model, List.of("bad \uDC00"))).contains("lone surrogate"));
        assertTrue(refusal(() -> new EmbeddingJob("gpt-17", List.of("x"))).contains("unknown model_id gpt-17"));
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        List<String> many = new ArrayList<>(Collections.nCopies(EmbeddingJob.MAX_INPUTS, "x"));
        assertEquals(EmbeddingJob.MAX_INPUTS, new EmbeddingJob("all-minilm-l6-v2-q", many).size());
        // 4,096 code points of astral characters are 8,192 UTF-16 chars: counted as characters, not chars
        String astral = "🚀".repeat(EmbeddingJob.MAX_INPUT_CHARS);
        assertEquals(1, new EmbeddingJob("all-minilm-l6-v2", List.of(astral)).size());
    }

    @Test
    void malformedPayloadsAreRefused() throws Exception {
        assertTrue(refusal(() -> EmbeddingJob.fromPayload(JSON.createArrayNode())).contains("JSON object"));
        JsonNode noModel = JSON.readTree("{\"inputs\":[\"a\"]}");
        JsonNode notArray = JSON.readTree("{\"model_id\":\"all-minilm-l6-v2\",\"inputs\":\"a\"}");
        JsonNode notString = JSON.readTree("{\"model_id\":\"all-minilm-l6-v2\",\"inputs\":[\"a\",3]}");
        assertTrue(refusal(() -> EmbeddingJob.fromPayload(noModel)).contains("model_id"));
        assertTrue(refusal(() -> EmbeddingJob.fromPayload(notArray)).contains("array of strings"));
        assertTrue(refusal(() -> EmbeddingJob.fromPayload(notString)).contains("inputs[1] must be a string"));
    }
}
