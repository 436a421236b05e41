package com.computemarket.inference.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import com.computemarket.challenge.inference.EmbeddingCommitment;
import com.computemarket.challenge.inference.EmbeddingJob;
import com.computemarket.challenge.inference.EmbeddingModel;
import com.computemarket.challenge.inference.Reexecution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * all-MiniLM-L6-v2 (or its quantised twin) on ONNX Runtime, as the model card computes it: the model's own
 * tokenizer.json (BERT uncased word pieces, [CLS] … [SEP]), at most {@code maxTokens} (256) word pieces (longer
 * inputs are cut to the first 255 plus [SEP], and say so), mean pooling of the last hidden state over the attention
 * mask, then L2 normalisation.
 * <p>
 * Deterministic by construction where it can be: every input runs <b>alone</b> (batch of one, no padding), so an
 * item's vector never depends on the other items of its job or on how the verifier groups challenged items; the
 * session runs sequentially with a fixed intra-op thread count; pooling and normalisation are plain Java float and
 * double arithmetic in a fixed order (strict IEEE on every JDK since 17). docs/protocol/inference.md gives what was
 * measured. Thread-safe: one engine may serve several callers (ONNX Runtime sessions and the tokenizer are).
 */
public final class EmbeddingEngine implements Reexecution, AutoCloseable {

    /** @param intraOpThreads ONNX Runtime's intra-op threads (1 = one core per engine; outputs are the same either way, measured) */
    public record Options(int intraOpThreads) {
        public static final Options DEFAULT = new Options(1);

        public Options {
            if (intraOpThreads < 1) {
                throw new IllegalArgumentException("intraOpThreads >= 1; got " + intraOpThreads);
            }
        }
    }

    private final EmbeddingModel model;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean takesTokenTypes;
    private final String outputName;

    private EmbeddingEngine(EmbeddingModel model, OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.model = model;
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
        this.outputName = session.getOutputNames().contains("last_hidden_state") ? "last_hidden_state"
                : session.getOutputNames().iterator().next();
    }

    /**
     * Loads {@code model} from its files, refusing files whose SHA-256 is not the model's
     * ({@link ModelFileMismatchException}); reading them costs about 0.3 s for the 90 MB fp32 file.
     */
    public static EmbeddingEngine open(EmbeddingModel model, ModelFiles files, Options options) {
        return open(model, files, options, SessionOptions.OptLevel.ALL_OPT);
    }

    /** With another graph optimisation level: only to measure how much other kernels move the vectors. */
    static EmbeddingEngine open(EmbeddingModel model, ModelFiles files, Options options, SessionOptions.OptLevel level) {
        check(files.onnx().toString(), FileDigests.sha256(files.onnx()), model.onnxSha256(), model);
        check(files.tokenizer().toString(), FileDigests.sha256(files.tokenizer()), model.tokenizerSha256(), model);
        HuggingFaceTokenizer tokenizer;
        try {
            // tokenizer.json says truncate and pad to 128: the model card's limit is 256, and this engine pads nothing
            tokenizer = HuggingFaceTokenizer.newInstance(files.tokenizer(),
                    Map.of("addSpecialTokens", "true", "truncation", "false", "padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + files.tokenizer(), e);
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            SessionOptions so = new SessionOptions();
            so.setIntraOpNumThreads(options.intraOpThreads());
            so.setInterOpNumThreads(1);
            so.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            so.setOptimizationLevel(level);
            so.setDeterministicCompute(true);
            // idle threads sleep instead of spinning: the worker's other work (and other engines) get the cores
            so.addConfigEntry("session.intra_op.allow_spinning", "0");
            return new EmbeddingEngine(model, env, env.createSession(files.onnx().toString(), so), tokenizer);
        } catch (OrtException e) {
            tokenizer.close();
            throw new IllegalStateException("ONNX Runtime cannot load " + files.onnx() + ": " + e.getMessage(), e);
        }
    }

    private static void check(String file, String actual, String expected, EmbeddingModel model) {
        if (!actual.equals(expected)) {
            throw new ModelFileMismatchException(file + " has SHA-256 " + actual + "; " + model.id() + " is " + expected);
        }
    }

    public EmbeddingModel model() {
        return model;
    }

    /**
     * The embeddings of {@code inputs}, in order; IllegalArgumentException for the inputs a job refuses
     * ({@link EmbeddingJob#checkInputs}: none, too many, null, empty, too long, lone surrogates).
     */
    public List<Embedding> embed(List<String> inputs) {
        List<String> checked = EmbeddingJob.checkInputs(inputs);
        List<Embedding> out = new ArrayList<>(checked.size());
        for (String input : checked) {
            out.add(embedOne(input));
        }
        return out;
    }

    public Embedding embed(String input) {
        return embed(List.of(input)).get(0);
    }

    /** The worker's whole job: every item embedded and committed to. */
    public JobEmbeddings compute(EmbeddingJob job) {
        requireModel(job.model());
        List<Embedding> embeddings = embed(job.inputs());
        return new JobEmbeddings(EmbeddingCommitment.of(job, embeddings.stream().map(Embedding::vector).toList()),
                embeddings);
    }

    /** {@link Reexecution}: the verifier's call for the challenged items. */
    @Override
    public List<float[]> embed(EmbeddingModel model, List<String> inputs) {
        requireModel(model);
        return embed(inputs).stream().map(Embedding::vector).toList();
    }

    private void requireModel(EmbeddingModel wanted) {
        if (!wanted.equals(model)) {
            throw new IllegalArgumentException("this engine runs " + model.id() + ", not " + wanted.id());
        }
    }

    OrtSession session() {
        return session;
    }

    /** The input's word pieces with [CLS] and [SEP], not truncated (for the tests' independent tokenizer). */
    long[] wordPieces(String input) {
        return tokenizer.encode(input, true, false).getIds();
    }

    private Embedding embedOne(String input) {
        Encoding encoding = tokenizer.encode(input, true, false);
        long[] all = encoding.getIds();
        long[] ids = all;
        if (all.length > model.maxTokens()) {
            ids = Arrays.copyOf(all, model.maxTokens());
            ids[ids.length - 1] = all[all.length - 1];
        }
        int n = ids.length;
        long[] shape = {1, n};
        long[] mask = new long[n];
        Arrays.fill(mask, 1);
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            feed.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (takesTokenTypes) {
                feed.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n]), shape));
            }
            try (OrtSession.Result result = session.run(feed, Set.of(outputName))) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                long[] dims = hidden.getInfo().getShape();
                int d = (int) dims[2];
                if (dims[0] != 1 || dims[1] != n || d != model.dimension()) {
                    throw new IllegalStateException("the model answered shape " + Arrays.toString(dims));
                }
                return new Embedding(meanPoolNormalise(hidden.getFloatBuffer(), mask, d), n, all.length);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on an input of " + n + " word pieces: " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    /**
     * Σ_t mask[t]·h[t] / Σ_t mask[t] in double, token by token in order, then divided by max(‖·‖, 1e-12) and rounded
     * to float32 (the model card's mean pooling and F.normalize).
     */
    static float[] meanPoolNormalise(FloatBuffer hidden, long[] mask, int d) {
        double[] sum = new double[d];
        double count = 0;
        for (int t = 0; t < mask.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            count += mask[t];
            int base = t * d;
            for (int j = 0; j < d; j++) {
                sum[j] += hidden.get(base + j) * (double) mask[t];
            }
        }
        double norm = 0;
        for (int j = 0; j < d; j++) {
            sum[j] /= Math.max(count, 1e-9);
            norm += sum[j] * sum[j];
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        float[] out = new float[d];
        for (int j = 0; j < d; j++) {
            out[j] = (float) (sum[j] / norm);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            tokenizer.close();
        }
    }
}
