package com.computemarket.inference.embedding.bench;

import com.computemarket.challenge.inference.Comparison;
import com.computemarket.challenge.inference.EmbeddingChallenge;
import com.computemarket.challenge.inference.EmbeddingCommitment;
import com.computemarket.challenge.inference.EmbeddingJob;
import com.computemarket.challenge.inference.EmbeddingModel;
import com.computemarket.challenge.inference.EmbeddingVerifier;
import com.computemarket.challenge.inference.Verdict;
import com.computemarket.inference.embedding.BundledModels;
import com.computemarket.inference.embedding.EmbeddingEngine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code embed}: one embedding per operation, cycling over the corpus's first 160 inputs under 300 characters
 * (sentences of 4 to 95 word pieces, mean printed at setup), for each model and intra-op thread count.
 */
@State(Scope.Benchmark)
public class EmbeddingBenchmark {

    @Param({"all-minilm-l6-v2", "all-minilm-l6-v2-q"})
    public String model;

    @Param({"1", "2"})
    public int threads;

    EmbeddingEngine engine;
    List<String> sentences;
    int next;

    static List<String> sentences() throws IOException {
        try (InputStream in = EmbeddingBenchmark.class.getResourceAsStream("/embedding-corpus.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(s -> !s.isEmpty() && s.length() < 300).limit(160).toList();
        }
    }

    static EmbeddingEngine engine(String id, int threads) {
        EmbeddingModel m = EmbeddingModel.byId(id);
        return EmbeddingEngine.open(m, BundledModels.extract(m, Path.of(System.getProperty("cm.model.store",
                "inference-engine/target/model-store"))), new EmbeddingEngine.Options(threads));
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        engine = engine(model, threads);
        sentences = sentences();
        System.out.printf("%n%d sentences, %.1f word pieces on average%n", sentences.size(),
                engine.embed(sentences).stream().mapToInt(e -> e.tokens()).average().orElse(0));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public float[] embed() {
        String s = sentences.get(next);
        next = (next + 1) % sentences.size();
        return engine.embed(s).vector();
    }
}
