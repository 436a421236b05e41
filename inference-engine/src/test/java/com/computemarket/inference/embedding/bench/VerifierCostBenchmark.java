package com.computemarket.inference.embedding.bench;

import com.computemarket.challenge.inference.Comparison;
import com.computemarket.challenge.inference.EmbeddingChallenge;
import com.computemarket.challenge.inference.EmbeddingCommitment;
import com.computemarket.challenge.inference.EmbeddingJob;
import com.computemarket.challenge.inference.EmbeddingModel;
import com.computemarket.challenge.inference.EmbeddingVerifier;
import com.computemarket.challenge.inference.Verdict;
import com.computemarket.inference.embedding.EmbeddingEngine;
import java.io.IOException;
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
 * The verifier's whole work for an honest fp32 job of 4,096 items (the 160 benchmark sentences cycled): challenge
 * derivation, k records and Merkle paths, k re-executions on a 1-thread engine, the comparison; for a new worker
 * (k = 32) and a trusted one (k = 8). Against the worker's 4,096 embeddings (EmbeddingBenchmark.embed) this is the
 * verification cost in docs/protocol/inference.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VerifierCostBenchmark {

    @Param({"0", "40"})
    public int consecutiveAccepted;

    EmbeddingEngine engine;
    EmbeddingVerifier verifier;
    EmbeddingJob job;
    EmbeddingCommitment commitment;
    EmbeddingChallenge challenge;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        engine = EmbeddingBenchmark.engine(EmbeddingModel.DEFAULT.id(), 1);
        verifier = new EmbeddingVerifier(engine, Comparison.EXACT);
        List<String> sentences = EmbeddingBenchmark.sentences();
        List<float[]> distinct = engine.embed(sentences).stream().map(e -> e.vector()).toList();
        List<String> inputs = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < EmbeddingJob.MAX_INPUTS; i++) {
            inputs.add(sentences.get(i % sentences.size()));
            vectors.add(distinct.get(i % sentences.size()));
        }
        job = new EmbeddingJob(EmbeddingModel.DEFAULT.id(), inputs);
        commitment = EmbeddingCommitment.of(job, vectors);
        byte[] nonce = new byte[32];
        new Random(1).nextBytes(nonce);
        challenge = EmbeddingChallenge.forWorker(job, consecutiveAccepted, nonce, "ab".repeat(32), commitment.resultHash());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public Verdict verifyJob() {
        Verdict v = verifier.verify(job, commitment.resultHash(), challenge, commitment.open(challenge.indices()));
        if (!v.accepted()) {
            throw new IllegalStateException(v.reason());
        }
        return v;
    }
}
