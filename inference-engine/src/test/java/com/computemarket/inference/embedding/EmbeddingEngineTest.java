package com.computemarket.inference.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.computemarket.challenge.inference.Comparison;
import com.computemarket.challenge.inference.EmbeddingChallenge;
import com.computemarket.challenge.inference.EmbeddingCommitment;
import com.computemarket.challenge.inference.EmbeddingVerifier;
import com.computemarket.challenge.inference.Verdict;
import com.computemarket.challenge.inference.EmbeddingJob;
import com.computemarket.challenge.inference.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The engine against two independent computations of the same model, and what a caller sees on bad input. */
class EmbeddingEngineTest {

    /** Short inputs (under 128 word pieces, where langchain4j's tokenizer.json settings cut nothing): 60 of the corpus. */
    static final List<String> SHORT = Corpus.all().stream().filter(s -> s.length() < 300).limit(60).toList();

    @Test
    void fp32AgreesWithLangchain4jsOwnModelClass() {
        var reference = new AllMiniLmL6V2EmbeddingModel();
        double min = minCosine(Models.fp32(), SHORT, s -> reference.embed(s).content().vector());
        System.out.printf("fp32 vs langchain4j AllMiniLmL6V2EmbeddingModel: min cosine %.9f over %d inputs%n", min, SHORT.size());
        assertTrue(min >= 0.9999, "min cosine " + min);
    }

    @Test
    void quantisedAgreesWithLangchain4jsOwnModelClass() {
        var reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        double min = minCosine(Models.quantised(), SHORT, s -> reference.embed(s).content().vector());
        System.out.printf("q vs langchain4j AllMiniLmL6V2QuantizedEmbeddingModel: min cosine %.9f over %d inputs%n", min, SHORT.size());
        assertTrue(min >= 0.9999, "min cosine " + min);
    }

    @Test
    void theTokenizerAgreesWithAnIndependentWordPieceOnTheWholeCorpus() throws Exception {
        ReferenceWordPiece reference = new ReferenceWordPiece(Models.files(EmbeddingModel.ALL_MINILM_L6_V2).tokenizer());
        List<String> corpus = Corpus.all();
        int same = 0;
        String firstDifference = null;
        for (String s : corpus) {
            if (Arrays.equals(reference.encode(s), Models.fp32().wordPieces(s))) {
                same++;
            } else if (firstDifference == null) {
                firstDifference = s;
            }
        }
        System.out.printf("tokenizer: %d of %d corpus inputs give the same word pieces as ReferenceWordPiece%n", same, corpus.size());
        assertEquals(corpus.size(), same, "first difference: " + firstDifference);
    }

    @Test
    void fp32AgreesWithRawOnnxRuntimeCallsAndFloat32Pooling() throws Exception {
        ReferenceWordPiece tokenizer = new ReferenceWordPiece(Models.files(EmbeddingModel.ALL_MINILM_L6_V2).tokenizer());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(Models.files(EmbeddingModel.ALL_MINILM_L6_V2).onnx().toString(),
                new OrtSession.SessionOptions())) {
            double min = minCosine(Models.fp32(), SHORT.subList(0, 30), s -> rawEmbedding(env, session, tokenizer.encode(s)));
            System.out.printf("fp32 vs raw ONNX Runtime + ReferenceWordPiece + float32 pooling: min cosine %.9f%n", min);
            assertTrue(min >= 0.99999, "min cosine " + min);
        }
    }

    private static float[] rawEmbedding(OrtEnvironment env, OrtSession session, long[] ids) {
        long[] shape = {1, ids.length};
        long[] ones = new long[ids.length];
        Arrays.fill(ones, 1);
        try (OnnxTensor in = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape);
             OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape);
             OrtSession.Result r = session.run(Map.of("input_ids", in, "attention_mask", mask, "token_type_ids", types))) {
            float[][] hidden = ((float[][][]) r.get(0).getValue())[0];
            float[] mean = new float[hidden[0].length];
            for (float[] token : hidden) {
                for (int j = 0; j < mean.length; j++) {
                    mean[j] += token[j] / hidden.length;
                }
            }
            float norm = 0;
            for (float x : mean) {
                norm += x * x;
            }
            norm = (float) Math.sqrt(norm);
            for (int j = 0; j < mean.length; j++) {
                mean[j] /= norm;
            }
            return mean;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double minCosine(EmbeddingEngine engine, List<String> inputs, Function<String, float[]> reference) {
        double min = 1;
        for (String s : inputs) {
            min = Math.min(min, Comparison.cosine(engine.embed(s).vector(), reference.apply(s)));
        }
        return min;
    }

    @Test
    void closeSentencesRankAboveUnrelatedOnes() {
        EmbeddingEngine engine = Models.fp32();
        String[][] pairs = {
                {"The cat sits on the mat.", "A cat is sitting on a rug."},
                {"How do I reset my password?", "I forgot my password and need to change it."},
                {"The worker's GPU finished the job.", "The graphics card completed the task."},
                {"It is raining heavily in Paris today.", "There is a downpour in Paris this afternoon."},
        };
        for (int i = 0; i < pairs.length; i++) {
            float[] a = engine.embed(pairs[i][0]).vector();
            double close = Comparison.cosine(a, engine.embed(pairs[i][1]).vector());
            for (int j = 0; j < pairs.length; j++) {
                if (j != i) {
                    double unrelated = Comparison.cosine(a, engine.embed(pairs[j][1]).vector());
                    assertTrue(close > unrelated + 0.2, pairs[i][0] + ": close " + close + ", unrelated " + unrelated);
                }
            }
        }
    }

    @Test
    void vectorsAreUnitAndAnItemDoesNotDependOnItsNeighbours() {
        EmbeddingEngine engine = Models.fp32();
        List<Embedding> batch = engine.embed(List.of("first input", "a second, longer input with more words", "x"));
        for (Embedding e : batch) {
            assertEquals(1.0, Comparison.norm(e.vector()), 1e-6);
            assertEquals(384, e.vector().length);
        }
        assertArrayEquals(engine.embed("a second, longer input with more words").vector(), batch.get(1).vector());
        assertEquals(3, batch.get(2).tokens(), "[CLS] x [SEP]");
    }

    @Test
    void longInputsAreCutAt256WordPiecesAndSaySo() {
        EmbeddingEngine engine = Models.fp32();
        String longText = "The verifier re-executes a few challenged items of every job. ".repeat(40);
        Embedding e = engine.embed(longText);
        assertTrue(e.truncated());
        assertEquals(256, e.tokens());
        assertTrue(e.inputTokens() > 400, "input tokens " + e.inputTokens());
        assertArrayEquals(e.vector(), engine.embed(longText + " Whatever follows the cut changes nothing.").vector());
        assertFalse(engine.embed("short").truncated());
    }

    @Test
    void aWorkersJobPassesTheVerifierRunningTheSameEngine() {
        EmbeddingJob job = new EmbeddingJob(EmbeddingModel.ALL_MINILM_L6_V2_Q.id(), List.of("first item", "second item",
                "a very long third item. ".repeat(80), "fourth"));
        JobEmbeddings done = Models.engine(EmbeddingModel.ALL_MINILM_L6_V2_Q, 2).compute(job);
        assertEquals(1, done.truncatedItems());
        assertEquals(EmbeddingCommitment.of(job, done.embeddings().stream().map(Embedding::vector).toList()).resultHash(),
                done.commitment().resultHash());
        EmbeddingChallenge challenge = EmbeddingChallenge.forWorker(job, 0, new byte[32], "ab".repeat(32),
                done.commitment().resultHash());
        assertEquals(4, challenge.indices().size(), "a new worker's k = 32 covers a 4-item job");
        Verdict v = new EmbeddingVerifier(Models.quantised(), Comparison.EXACT).verify(job, done.commitment().resultHash(),
                challenge, done.commitment().open(challenge.indices()));
        assertTrue(v.accepted(), v.reason());
    }

    @Test
    void badInputIsRefusedClearly() {
        EmbeddingEngine engine = Models.fp32();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> engine.embed(List.of())).getMessage().contains("at least one"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> engine.embed(Collections.nCopies(EmbeddingJob.MAX_INPUTS + 1, "x"))).getMessage().contains("at most 4096"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> engine.embed("")).getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> engine.embed(Arrays.asList("a", null))).getMessage().contains("null"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> engine.embed("broken \uD83D text")).getMessage().contains("lone surrogate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> engine.embed("y".repeat(EmbeddingJob.MAX_INPUT_CHARS + 1)))
                .getMessage().contains("characters"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> engine.embed(EmbeddingModel.ALL_MINILM_L6_V2_Q, List.of("a")))
                .getMessage().contains("runs all-minilm-l6-v2, not all-minilm-l6-v2-q"));
    }

    @Test
    void filesThatAreNotTheModelsAreRefused() {
        ModelFiles quantised = Models.files(EmbeddingModel.ALL_MINILM_L6_V2_Q);
        var e = assertThrows(ModelFileMismatchException.class, () -> EmbeddingEngine.open(EmbeddingModel.ALL_MINILM_L6_V2,
                quantised, EmbeddingEngine.Options.DEFAULT));
        assertTrue(e.getMessage().contains(EmbeddingModel.ALL_MINILM_L6_V2_Q.onnxSha256()), e.getMessage());
    }
}
