package com.computemarket.connector.backend;

import com.computemarket.challenge.generation.TextJob;
import com.computemarket.challenge.generation.TokenRecords;
import com.computemarket.challenge.inference.EmbeddingCommitment;
import com.computemarket.challenge.inference.EmbeddingJob;
import com.computemarket.challenge.inference.EmbeddingModel;
import com.computemarket.connector.models.ModelCache;
import com.computemarket.inference.embedding.Embedding;
import com.computemarket.inference.embedding.EmbeddingEngine;
import com.computemarket.inference.embedding.JobEmbeddings;
import com.computemarket.inference.embedding.ModelFiles;
import com.computemarket.inference.generation.GenerationRequest;
import com.computemarket.inference.generation.GenerationResult;
import com.computemarket.inference.generation.TextGenerator;
import com.computemarket.workerprotocol.WireMessage.JobAssignment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inference jobs (challenge type {@value #CHALLENGE_TYPE}, docs/protocol/inference.md and text-generation.md) on the
 * models of the local {@link ModelCache}: an embedding payload ({"model_id","inputs":[…]}) runs on an
 * {@link EmbeddingEngine}, a text payload ({"model_id","prompt","max_tokens","temperature"?,"seed"?}) on a
 * {@link TextGenerator}, each opened lazily once per model from the cached files. The result_hash is the spec's
 * commitment (EmbeddingCommitment, TokenRecords) over exactly what is sent as {@code output}; the platform re-executes
 * challenged items itself, so nothing is opened, but the committed hash is kept for the sign request.
 */
public final class InferenceRunner implements JobRunner {

    public static final String CHALLENGE_TYPE = "inference";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ModelCache cache;
    private final int threads;
    private final SyntheticRunner.Cheat cheat;
    private final Map<String, EmbeddingEngine> embedders = new ConcurrentHashMap<>();
    private final Map<String, TextGenerator> generators = new ConcurrentHashMap<>();
    private final Map<UUID, String> committed = SyntheticRunner.recent(SyntheticRunner.KEPT_COMMITMENTS * 4);

    /**
     * @param threads ONNX Runtime intra-op threads / generation threads per job
     * @param cheat   testing only: fakes the first ⌈F·N⌉ vectors or the last ⌈F·n⌉ tokens (null for an honest runner)
     */
    public InferenceRunner(ModelCache cache, int threads, SyntheticRunner.Cheat cheat) {
        if (threads < 1) {
            throw new IllegalArgumentException("--inference-threads must be at least 1");
        }
        this.cache = cache;
        this.threads = threads;
        this.cheat = cheat;
    }

    /** The ids of the models this runner can run (the complete models of the cache). */
    public List<String> models() {
        return cache.models().stream().map(ModelCache.CachedModel::id).toList();
    }

    @Override
    public JobOutcome run(JobAssignment job, ProgressListener progress) throws InterruptedException {
        JsonNode payload = job.payload();
        String modelId = payload.path("model_id").asText("");
        Optional<ModelCache.CachedModel> model = cache.model(modelId);
        if (model.isEmpty()) {
            return new JobOutcome.Returned("model " + (modelId.isEmpty() ? "(none named)" : modelId) + " is not in the cache "
                    + cache.dir());
        }
        JobOutcome outcome;
        try {
            outcome = payload.has("inputs") ? embed(job, model.get(), progress) : generate(job, model.get(), progress);
        } catch (IllegalArgumentException e) {
            return new JobOutcome.Returned("not an inference payload this runner can run: " + e.getMessage());
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("stopped while job " + job.jobId() + " ran");
        }
        return outcome;
    }

    private JobOutcome embed(JobAssignment assignment, ModelCache.CachedModel model, ProgressListener progress) {
        if (!"embedding".equals(model.kind())) {
            throw new IllegalArgumentException("model " + model.id() + " is of kind " + model.kind() + ", not embedding");
        }
        EmbeddingJob job = EmbeddingJob.fromPayload(assignment.payload());
        progress.progress(0, "embedding " + job.size() + " inputs with " + model.id());
        EmbeddingEngine engine = embedders.computeIfAbsent(model.id(), id -> EmbeddingEngine.open(EmbeddingModel.byId(id),
                new ModelFiles(cache.file(required(model, "weights")), cache.file(required(model, "tokenizer"))),
                new EmbeddingEngine.Options(threads)));
        JobEmbeddings computed = engine.compute(job);
        List<float[]> vectors = new ArrayList<>();
        ArrayNode truncated = NODES.arrayNode();
        for (int i = 0; i < computed.embeddings().size(); i++) {
            Embedding e = computed.embeddings().get(i);
            vectors.add(e.vector());
            if (e.truncated()) {
                truncated.add(i);
            }
        }
        String resultHash = computed.commitment().resultHash();
        if (cheat != null) {
            int fake = (int) Math.min(vectors.size(), Math.ceil(cheat.fraction() * vectors.size()));
            for (int i = 0; i < fake; i++) {
                vectors.set(i, randomUnit(vectors.get(i).length, cheat.random()));
            }
            resultHash = EmbeddingCommitment.of(job, vectors).resultHash();
        }
        ObjectNode output = NODES.objectNode();
        output.put("kind", "embedding");
        ArrayNode encoded = output.putArray("vectors");
        for (float[] v : vectors) {
            encoded.add(base64(v));
        }
        output.set("truncated", truncated);
        committed.put(assignment.jobId(), resultHash);
        progress.progress(1, "committed");
        return new JobOutcome.Completed(resultHash, null, output);
    }

    private JobOutcome generate(JobAssignment assignment, ModelCache.CachedModel model, ProgressListener progress) {
        if (!"text-generation".equals(model.kind())) {
            throw new IllegalArgumentException("model " + model.id() + " is of kind " + model.kind() + ", not text-generation");
        }
        TextJob job = textJob(assignment.payload(), assignment.jobId().toString());
        progress.progress(0, "generating up to " + job.maxTokens() + " tokens with " + model.id());
        TextGenerator generator = generators.computeIfAbsent(model.id(), id -> {
            try {
                return TextGenerator.open(cache.file(required(model, "weights")), threads);
            } catch (IOException e) {
                throw new IllegalStateException("cannot load model " + id + ": " + e.getMessage(), e);
            }
        });
        GenerationResult result = generator.generate(new GenerationRequest(job.modelId(), job.prompt(), job.maxTokens(),
                job.temperature(), job.seed()));
        int[] tokens = result.tokens();
        float[] logProbs = result.logProbs();
        String text = result.text();
        if (cheat != null && tokens.length > 0) {
            int vocab = generator.model().config().vocab();
            int fake = (int) Math.min(tokens.length, Math.ceil(cheat.fraction() * tokens.length));
            for (int i = tokens.length - fake; i < tokens.length; i++) {
                tokens[i] = (tokens[i] + 1 + cheat.random().nextInt(Math.max(1, vocab - 1))) % vocab;
            }
        }
        String resultHash = TokenRecords.of(job, tokens, logProbs).resultHash();
        ObjectNode output = NODES.objectNode();
        output.put("kind", "text");
        output.put("text", text);
        ArrayNode ids = output.putArray("tokens");
        for (int t : tokens) {
            ids.add(t);
        }
        ArrayNode lps = output.putArray("logprobs");
        for (float p : logProbs) {
            lps.add(p); // float32: JSON carries its shortest decimal, read back exactly
        }
        output.put("finish_reason", result.finishReason().wire());
        committed.put(assignment.jobId(), resultHash);
        progress.progress(1, "committed");
        return new JobOutcome.Completed(resultHash, null, output);
    }

    /**
     * {"model_id","prompt","max_tokens","temperature"?,"seed"?}; a missing temperature is 0 (greedy), a missing seed
     * the one derived from the job id: exactly as the platform's verifier reads it (InferenceCheck.textJob).
     */
    static TextJob textJob(JsonNode payload, String jobId) {
        JsonNode model = payload.get("model_id");
        JsonNode prompt = payload.get("prompt");
        JsonNode maxTokens = payload.get("max_tokens");
        if (model == null || !model.isTextual() || prompt == null || !prompt.isTextual()
                || maxTokens == null || !maxTokens.canConvertToInt()) {
            throw new IllegalArgumentException("payload needs model_id, prompt and max_tokens");
        }
        JsonNode temperature = payload.get("temperature");
        JsonNode seed = payload.get("seed");
        return new TextJob(model.textValue(), prompt.textValue(), maxTokens.intValue(),
                temperature == null || temperature.isNull() ? 0f : temperature.floatValue(),
                seed == null || seed.isNull() ? GenerationRequest.seedFromJobId(jobId) : seed.longValue());
    }

    private static String required(ModelCache.CachedModel model, String role) {
        return model.fileSha256(role).orElseThrow(() -> new IllegalArgumentException("model " + model.id()
                + " has no " + role + " file"));
    }

    static String base64(float[] v) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(v);
        return Base64.getEncoder().encodeToString(buf.array());
    }

    private static float[] randomUnit(int d, Random random) {
        double[] g = new double[d];
        double norm = 0;
        synchronized (random) {
            for (int i = 0; i < d; i++) {
                g[i] = random.nextGaussian();
                norm += g[i] * g[i];
            }
        }
        norm = Math.sqrt(norm);
        float[] out = new float[d];
        for (int i = 0; i < d; i++) {
            out[i] = (float) (g[i] / norm);
        }
        return out;
    }

    @Override
    public Optional<String> committedResult(UUID jobId) {
        return Optional.ofNullable(committed.get(jobId));
    }

    @Override
    public boolean available() {
        return !models().isEmpty();
    }

    @Override
    public String describe() {
        List<String> models = models();
        if (models.isEmpty()) {
            return "no model in the cache " + cache.dir() + " (`worker-connector models pull <id>`)";
        }
        return "inference on the CPU, " + threads + " thread" + (threads == 1 ? "" : "s") + " per job, models "
                + String.join(",", models) + (cheat == null ? "" : ", CHEATING on " + cheat.fraction()
                + " of each output (testing only)");
    }
}
