package com.computemarket.verification.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.catalogue.application.LocalModel;
import com.computemarket.catalogue.application.ModelCatalogue;
import com.computemarket.challenge.generation.ClaimedText;
import com.computemarket.challenge.generation.TokenRecords;
import com.computemarket.challenge.inference.EmbeddingCommitment;
import com.computemarket.challenge.inference.EmbeddingJob;
import com.computemarket.challenge.inference.EmbeddingModel;
import com.computemarket.inference.embedding.BundledModels;
import com.computemarket.inference.embedding.EmbeddingEngine;
import com.computemarket.inference.embedding.ModelFiles;
import com.computemarket.inference.generation.GenerationRequest;
import com.computemarket.inference.generation.GenerationResult;
import com.computemarket.inference.generation.TextGenerator;
import com.computemarket.inference.generation.TinyModels;
import com.computemarket.market.application.JobOutput;
import com.computemarket.market.application.JobOutputs;
import com.computemarket.shared.JobId;
import com.computemarket.shared.WorkerId;
import com.computemarket.verification.application.VerifierVerdict;
import com.computemarket.verification.domain.Verification;
import com.computemarket.workers.application.WorkerDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inference verifier with the real engines over a model store seeded from the model jars (int8 and fp32
 * all-MiniLM-L6-v2, the tiny random GGUFs): honest results are accepted, cheats rejected with the reason a worker
 * would read, and the sample shrinks as the worker's run of accepted results grows.
 */
class InferenceVerifierTest {

    static final Path STORE = Path.of("target", "verifier-model-store").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    static final EmbeddingModel Q = EmbeddingModel.ALL_MINILM_L6_V2_Q;
    static final EmbeddingModel FP32 = EmbeddingModel.ALL_MINILM_L6_V2;
    static final String TEXT_MODEL = "tiny-llama-random-f32";

    static final Map<String, LocalModel> CATALOGUE = new HashMap<>();
    static EmbeddingEngine workerQ;
    static EmbeddingEngine workerFp32;
    static TextGenerator workerText;
    static TextGenerator workerOtherModel;

    final Map<UUID, JobOutput> stored = new HashMap<>();
    int consecutiveAccepted;
    final InferenceEngines engines = new InferenceEngines();
    final InferenceVerifier verifier = new InferenceVerifier();

    @BeforeAll
    static void seedStore() throws Exception {
        for (EmbeddingModel model : List.of(Q, FP32)) {
            ModelFiles files = BundledModels.extract(model, STORE);
            CATALOGUE.put(model.id(), new LocalModel(model.id(), "embedding",
                    Map.of("weights", files.onnx(), "tokenizer", files.tokenizer())));
        }
        Path gguf = TinyModels.write(STORE.resolve("gguf"));
        CATALOGUE.put(TEXT_MODEL, new LocalModel(TEXT_MODEL, "text-generation", Map.of("weights", gguf.resolve(TinyModels.F32))));
        workerQ = EmbeddingEngine.open(Q, BundledModels.inStore(Q, STORE), EmbeddingEngine.Options.DEFAULT);
        workerFp32 = EmbeddingEngine.open(FP32, BundledModels.inStore(FP32, STORE), EmbeddingEngine.Options.DEFAULT);
        workerText = TextGenerator.open(gguf.resolve(TinyModels.F32), 1);
        workerOtherModel = TextGenerator.open(gguf.resolve(TinyModels.OTHER_SEED), 1);
    }

    @AfterAll
    static void closeEngines() throws Exception {
        workerQ.close();
        workerFp32.close();
        workerText.close();
        workerOtherModel.close();
    }

    InferenceVerifierTest() {
        verifier.outputs = new JobOutputs() {
            @Override
            public Optional<JobOutput> of(JobId jobId) {
                return Optional.ofNullable(stored.get(jobId.value()));
            }
        };
        verifier.catalogue = new ModelCatalogue() {
            @Override
            public LocalModel localFiles(String modelId) {
                return CATALOGUE.get(modelId);
            }
        };
        verifier.workers = new WorkerDirectory() {
            @Override
            public int consecutiveAccepted(WorkerId id) {
                return consecutiveAccepted;
            }
        };
        verifier.engines = engines;
    }

    @org.junit.jupiter.api.AfterEach
    void closeVerifierEngines() {
        engines.close();
    }

    // --- embeddings ---

    @Test
    void anHonestEmbeddingResultIsAcceptedAfterANewWorkersFullSample() {
        EmbeddingJob job = job(Q, 40);
        List<float[]> vectors = workerQ.embed(Q, job.inputs());
        VerifierVerdict verdict = verify(job, vectors, commit(job, vectors));
        assertTrue(verdict.accepted(), verdict.reason());
        assertEquals(32, verdict.itemsChecked(), "a new worker's job: 32 items re-executed");
        assertEquals(32, verdict.entriesChecked());
        assertTrue(verdict.micros() > 0);
    }

    @Test
    void aTrustedWorkersJobIsCheckedOnFewerItems() {
        consecutiveAccepted = 40;
        EmbeddingJob job = job(Q, 40);
        List<float[]> vectors = workerQ.embed(Q, job.inputs());
        VerifierVerdict verdict = verify(job, vectors, commit(job, vectors));
        assertTrue(verdict.accepted(), verdict.reason());
        assertEquals(8, verdict.itemsChecked(), "40 accepted in a row: k = 8");
    }

    @Test
    void randomUnitVectorsAreRejected() {
        EmbeddingJob job = job(Q, 40);
        Random random = new Random(7);
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < job.size(); i++) {
            float[] v = new float[Q.dimension()];
            double norm = 0;
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) random.nextGaussian();
                norm += (double) v[j] * v[j];
            }
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) (v[j] / Math.sqrt(norm));
            }
            vectors.add(v);
        }
        VerifierVerdict verdict = verify(job, vectors, commit(job, vectors));
        assertFalse(verdict.accepted());
        assertTrue(verdict.reason().contains("differs from the re-execution"), verdict.reason());
    }

    @Test
    void vectorsOfASubstitutedModelAreRejected() {
        EmbeddingJob job = job(FP32, 12); // the customer paid for fp32; the worker ran the int8 model
        List<float[]> vectors = workerQ.embed(Q, job.inputs());
        VerifierVerdict verdict = verify(job, vectors, commit(job, vectors));
        assertFalse(verdict.accepted());
        assertTrue(verdict.reason().contains("differs from the re-execution"), verdict.reason());
    }

    @Test
    void aTruncatedOutputIsRejected() {
        EmbeddingJob job = job(Q, 40);
        List<float[]> vectors = workerQ.embed(Q, job.inputs());
        String honestHash = commit(job, vectors);
        VerifierVerdict verdict = verify(job, vectors.subList(0, 20), honestHash);
        assertFalse(verdict.accepted());
        assertTrue(verdict.reason().startsWith("output does not match the commitment"), verdict.reason());
    }

    @Test
    void anOutputThatIsNotWhatWasCommittedIsRejected() {
        EmbeddingJob job = job(Q, 40);
        List<float[]> vectors = workerQ.embed(Q, job.inputs());
        String honestHash = commit(job, vectors);
        List<float[]> swapped = new ArrayList<>(vectors);
        swapped.set(3, vectors.get(4));
        VerifierVerdict verdict = verify(job, swapped, honestHash);
        assertEquals("output does not match the commitment", verdict.reason());
        assertFalse(verdict.accepted());
    }

    /** Not an assertion on speed: logs what verifying a 64-input job costs against computing it (int8 model, 1 thread). */
    @Test
    void verificationCostOfA64InputJobIsLogged() {
        EmbeddingJob job = job(Q, 64);
        workerQ.embed(Q, job.inputs()); // warm-up
        long started = System.nanoTime();
        List<float[]> vectors = workerQ.embed(Q, job.inputs());
        long workMicros = (System.nanoTime() - started) / 1000;
        String hash = commit(job, vectors);
        verify(job, vectors, hash); // opens the verifier's engine
        for (int c : new int[] {0, 40}) {
            consecutiveAccepted = c;
            VerifierVerdict verdict = verify(job, vectors, hash);
            assertTrue(verdict.accepted(), verdict.reason());
            System.out.printf("64-input embedding job (int8), c = %d: k = %d, verify %d µs, work %d µs: %.1f %% of the work%n",
                    c, verdict.itemsChecked(), verdict.micros(), workMicros, 100.0 * verdict.micros() / workMicros);
        }
    }

    // --- text generation ---

    @Test
    void anHonestTextIsAcceptedWithEveryPositionReplayed() {
        GenerationRequest request = new GenerationRequest(TEXT_MODEL, "Hello, world!", 24, 0.7f, 42);
        GenerationResult result = workerText.generate(request);
        VerifierVerdict verdict = verify(request, claimed(result), null);
        assertTrue(verdict.accepted(), verdict.reason());
        assertEquals(result.tokens().length, verdict.itemsChecked());
    }

    @Test
    void aTextFromAnotherModelIsRejected() {
        GenerationRequest request = new GenerationRequest(TEXT_MODEL, "Hello, world!", 24, 0f, 42);
        VerifierVerdict verdict = verify(request, claimed(workerOtherModel.generate(request)), null);
        assertFalse(verdict.accepted(), verdict.reason());
    }

    @Test
    void aTextCutShortIsRejected() {
        GenerationRequest request = new GenerationRequest(TEXT_MODEL, "Hello, world!", 24, 0f, 42);
        GenerationResult result = workerText.generate(request);
        int n = result.tokens().length / 2;
        ClaimedText cut = new ClaimedText(Arrays.copyOf(result.tokens(), n), Arrays.copyOf(result.logProbs(), n), ClaimedText.LENGTH);
        VerifierVerdict verdict = verify(request, cut, null);
        assertFalse(verdict.accepted(), verdict.reason());
    }

    @Test
    void aTextNotMatchingItsCommitmentIsRejected() {
        GenerationRequest request = new GenerationRequest(TEXT_MODEL, "Hello, world!", 24, 0f, 42);
        ClaimedText honest = claimed(workerText.generate(request));
        VerifierVerdict verdict = verify(request, honest, "00".repeat(32));
        assertEquals("output does not match the commitment", verdict.reason());
    }

    // --- helpers: what the worker sends and what the market stores ---

    static EmbeddingJob job(EmbeddingModel model, int n) {
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inputs.add("Item " + i + ": the quick brown fox jumps over " + (i * 7 % 13) + " lazy dogs.");
        }
        return new EmbeddingJob(model.id(), inputs);
    }

    static String commit(EmbeddingJob job, List<float[]> vectors) {
        return EmbeddingCommitment.of(job, vectors).resultHash();
    }

    VerifierVerdict verify(EmbeddingJob job, List<float[]> vectors, String resultHash) {
        ObjectNode payload = job.toPayload();
        payload.put("first_item", 0);
        ObjectNode output = JSON.createObjectNode().put("kind", "embedding");
        ArrayNode array = output.putArray("vectors");
        for (float[] v : vectors) {
            ByteBuffer bytes = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(v);
            array.add(Base64.getEncoder().encodeToString(bytes.array()));
        }
        output.putArray("truncated");
        return verify(job.modelId(), payload, output, resultHash);
    }

    static ClaimedText claimed(GenerationResult result) {
        return new ClaimedText(result.tokens(), result.logProbs(), result.finishReason().wire());
    }

    /** {@code resultHash} null: the honest commitment to {@code claimed}. */
    VerifierVerdict verify(GenerationRequest request, ClaimedText claimed, String resultHash) {
        ObjectNode payload = JSON.createObjectNode().put("model_id", request.modelId()).put("prompt", request.prompt())
                .put("max_tokens", request.maxTokens()).put("temperature", request.temperature()).put("seed", request.seed());
        String hash = resultHash != null ? resultHash : TokenRecords.of(InferenceCheck.textJob(payload, "unused"), claimed).resultHash();
        ObjectNode output = JSON.createObjectNode().put("kind", "text").put("text", "(not checked)");
        ArrayNode tokens = output.putArray("tokens");
        Arrays.stream(claimed.tokens()).forEach(tokens::add);
        ArrayNode logProbs = output.putArray("logprobs");
        for (float lp : claimed.logProbs()) {
            logProbs.add(lp);
        }
        output.put("finish_reason", claimed.finishReason());
        return verify(request.modelId(), payload, output, hash);
    }

    VerifierVerdict verify(String modelId, JsonNode payload, JsonNode output, String resultHash) {
        UUID jobId = UUID.randomUUID();
        stored.put(jobId, new JobOutput(JobId.of(jobId), modelId, payload, output, resultHash));
        byte[] nonce = new byte[32];
        new Random(jobId.getLeastSignificantBits()).nextBytes(nonce);
        Verification v = new Verification("inference", jobId, 1, UUID.randomUUID(), UUID.randomUUID(), "cpc1worker",
                payload.toString(), resultHash, 10L, nonce, T0);
        v.challenge(11, "ab".repeat(32), null, T0);
        assertFalse(v.overdue(T0.plusSeconds(3600)), "nobody is waited for: never overdue");
        return verifier.verify(v);
    }
}
