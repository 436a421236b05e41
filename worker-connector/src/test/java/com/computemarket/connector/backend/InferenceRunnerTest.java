package com.computemarket.connector.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.challenge.generation.ClaimedText;
import com.computemarket.challenge.generation.TextJob;
import com.computemarket.challenge.generation.TokenRecords;
import com.computemarket.challenge.inference.EmbeddingCommitment;
import com.computemarket.challenge.inference.EmbeddingJob;
import com.computemarket.challenge.inference.EmbeddingModel;
import com.computemarket.connector.models.ModelCache;
import com.computemarket.connector.net.Json;
import com.computemarket.inference.embedding.BundledModels;
import com.computemarket.inference.embedding.EmbeddingEngine;
import com.computemarket.inference.embedding.ModelFiles;
import com.computemarket.inference.generation.GenerationRequest;
import com.computemarket.inference.generation.TextGenerator;
import com.computemarket.inference.generation.TinyModels;
import com.computemarket.workerprotocol.WireMessage.JobAssignment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inference runner on a real embedding model (the quantised MiniLM from its jar) and a tiny random Llama. */
class InferenceRunnerTest {

    static final EmbeddingModel MINILM = EmbeddingModel.ALL_MINILM_L6_V2_Q;
    static final String TINY = "tiny-llama";
    static final ProgressListener QUIET = (fraction, stage) -> { };

    @TempDir
    static Path dir;
    static ModelCache cache;
    static Path gguf;

    @BeforeAll
    static void seed() throws IOException {
        Path store = dir.resolve("models");
        ModelFiles files = BundledModels.extract(MINILM, store);
        descriptor(store, MINILM.id(), "embedding", files.onnx(), files.tokenizer());
        Path tiny = TinyModels.write(dir.resolve("tiny")).resolve(TinyModels.F32);
        String sha = ModelCache.sha256(tiny);
        gguf = store.resolve(sha);
        Files.copy(tiny, gguf);
        descriptor(store, TINY, "text-generation", gguf, null);
        cache = new ModelCache(store);
    }

    static void descriptor(Path store, String id, String kind, Path weights, Path tokenizer) throws IOException {
        ObjectNode m = Json.MAPPER.createObjectNode().put("id", id).put("kind", kind);
        var files = m.putArray("files");
        files.addObject().put("role", "weights").put("sha256", weights.getFileName().toString()).put("size", Files.size(weights));
        if (tokenizer != null) {
            files.addObject().put("role", "tokenizer").put("sha256", tokenizer.getFileName().toString())
                    .put("size", Files.size(tokenizer));
        }
        Files.writeString(store.resolve(id + ".json"), Json.write(m));
    }

    static JobAssignment job(UUID id, JsonNode payload) {
        return new JobAssignment(id, UUID.randomUUID(), InferenceRunner.CHALLENGE_TYPE, payload, Instant.now().plusSeconds(600));
    }

    static List<float[]> vectors(JsonNode output) {
        List<float[]> out = new ArrayList<>();
        for (JsonNode v : output.get("vectors")) {
            byte[] b = Base64.getDecoder().decode(v.textValue());
            float[] f = new float[b.length / 4];
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
            out.add(f);
        }
        return out;
    }

    @Test
    void theCacheHoldsBothModels() {
        assertEquals(List.of(MINILM.id(), TINY), new InferenceRunner(cache, 1, null).models());
        assertTrue(new InferenceRunner(cache, 1, null).available());
        assertFalse(new InferenceRunner(new ModelCache(dir.resolve("empty")), 1, null).available());
    }

    @Test
    void anEmbeddingJobCommitsToItsOutput() throws Exception {
        List<String> inputs = List.of("a worker computes embeddings", "the platform re-executes some", "x ".repeat(400));
        EmbeddingJob embeddingJob = new EmbeddingJob(MINILM.id(), inputs);
        ObjectNode payload = embeddingJob.toPayload().put("first_item", 0);
        UUID id = UUID.randomUUID();
        InferenceRunner runner = new InferenceRunner(cache, 1, null);
        JobOutcome.Completed done = assertInstanceOf(JobOutcome.Completed.class, runner.run(job(id, payload), QUIET));
        JsonNode output = done.output();
        assertEquals("embedding", output.get("kind").asText());
        List<float[]> vectors = vectors(output);
        assertEquals(3, vectors.size());
        vectors.forEach(v -> assertEquals(384, v.length));
        assertEquals(List.of(2), List.of(output.get("truncated").get(0).intValue()));
        assertEquals(1, output.get("truncated").size());
        // the server's check: the commitment over the output reproduces result_hash
        assertEquals(done.resultHash(), EmbeddingCommitment.of(EmbeddingJob.fromPayload(payload), vectors).resultHash());
        assertEquals(done.resultHash(), runner.committedResult(id).orElseThrow());
        // and the verifier's re-execution gives the same vectors bit for bit
        try (EmbeddingEngine engine = EmbeddingEngine.open(MINILM, BundledModels.inStore(MINILM, cache.dir()),
                EmbeddingEngine.Options.DEFAULT)) {
            List<float[]> again = engine.embed(MINILM, inputs);
            for (int i = 0; i < inputs.size(); i++) {
                assertArrayEquals(again.get(i), vectors.get(i));
            }
        }
        // no kind in the JSON that the server does not allow
        List<String> fields = new ArrayList<>();
        output.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("kind", "vectors", "truncated"), fields);
    }

    @Test
    void theCheatFakesTheFirstVectorsAndCommitsToThem() throws Exception {
        List<String> inputs = List.of("one", "two", "three", "four");
        ObjectNode payload = new EmbeddingJob(MINILM.id(), inputs).toPayload();
        JobOutcome.Completed honest = (JobOutcome.Completed) new InferenceRunner(cache, 1, null)
                .run(job(UUID.randomUUID(), payload), QUIET);
        JobOutcome.Completed cheat = (JobOutcome.Completed) new InferenceRunner(cache, 1,
                new SyntheticRunner.Cheat(0.5, new Random(1))).run(job(UUID.randomUUID(), payload), QUIET);
        List<float[]> h = vectors(honest.output());
        List<float[]> c = vectors(cheat.output());
        assertFalse(java.util.Arrays.equals(h.get(0), c.get(0)));
        assertFalse(java.util.Arrays.equals(h.get(1), c.get(1)));
        assertArrayEquals(h.get(2), c.get(2));
        assertArrayEquals(h.get(3), c.get(3));
        double norm = 0;
        for (float f : c.get(0)) {
            norm += f * f;
        }
        assertEquals(1.0, norm, 1e-5);
        assertNotEquals(honest.resultHash(), cheat.resultHash());
        assertEquals(cheat.resultHash(), EmbeddingCommitment.of(EmbeddingJob.fromPayload(payload), c).resultHash());
    }

    @Test
    void aTextJobCommitsToItsTokensWithTheJobIdSeed() throws Exception {
        UUID id = UUID.randomUUID();
        ObjectNode payload = Json.MAPPER.createObjectNode().put("model_id", TINY).put("prompt", "hello world")
                .put("max_tokens", 12).put("temperature", 0.8);
        InferenceRunner runner = new InferenceRunner(cache, 1, null);
        JobOutcome.Completed done = assertInstanceOf(JobOutcome.Completed.class, runner.run(job(id, payload), QUIET));
        JsonNode output = done.output();
        assertEquals("text", output.get("kind").asText());
        int[] tokens = Json.MAPPER.convertValue(output.get("tokens"), int[].class);
        float[] logProbs = new float[output.get("logprobs").size()];
        for (int i = 0; i < logProbs.length; i++) {
            logProbs[i] = output.get("logprobs").get(i).floatValue();
        }
        String finish = output.get("finish_reason").asText();
        TextJob textJob = new TextJob(TINY, "hello world", 12, 0.8f, GenerationRequest.seedFromJobId(id.toString()));
        assertEquals(done.resultHash(), TokenRecords.of(textJob, new ClaimedText(tokens, logProbs, finish)).resultHash());
        assertEquals(done.resultHash(), runner.committedResult(id).orElseThrow());
        try (TextGenerator generator = TextGenerator.open(gguf, 1)) {
            var again = generator.generate(new GenerationRequest(TINY, "hello world", 12, 0.8f,
                    GenerationRequest.seedFromJobId(id.toString())));
            assertArrayEquals(again.tokens(), tokens);
            assertArrayEquals(again.logProbs(), logProbs);
            assertEquals(again.text(), output.get("text").asText());
        }
        assertTrue(tokens.length == 12 ? "length".equals(finish) : "eos".equals(finish), finish);

        // the cheat replaces the last ⌈F·n⌉ tokens and commits to what it sends
        JobOutcome.Completed cheat = (JobOutcome.Completed) new InferenceRunner(cache, 1,
                new SyntheticRunner.Cheat(0.25, new Random(3))).run(job(id, payload), QUIET);
        int[] faked = Json.MAPPER.convertValue(cheat.output().get("tokens"), int[].class);
        int n = tokens.length;
        int k = (int) Math.ceil(0.25 * n);
        for (int i = 0; i < n; i++) {
            if (i < n - k) {
                assertEquals(tokens[i], faked[i]);
            } else {
                assertNotEquals(tokens[i], faked[i]);
            }
        }
        assertEquals(cheat.resultHash(), TokenRecords.of(textJob, new ClaimedText(faked, logProbs, finish)).resultHash());
    }

    @Test
    void aJobForAModelNotCachedIsReturned() throws Exception {
        ObjectNode payload = new EmbeddingJob(EmbeddingModel.ALL_MINILM_L6_V2.id(), List.of("x")).toPayload();
        assertInstanceOf(JobOutcome.Returned.class, new InferenceRunner(cache, 1, null).run(job(UUID.randomUUID(), payload), QUIET));
    }
}
