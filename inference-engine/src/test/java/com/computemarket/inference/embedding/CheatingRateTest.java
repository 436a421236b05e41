package com.computemarket.inference.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.challenge.inference.Comparison;
import com.computemarket.challenge.inference.EmbeddingChallenge;
import com.computemarket.challenge.inference.EmbeddingCommitment;
import com.computemarket.challenge.inference.EmbeddingJob;
import com.computemarket.challenge.inference.EmbeddingModel;
import com.computemarket.challenge.inference.EmbeddingVerifier;
import com.computemarket.challenge.inference.Reexecution;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cheaters through the real verifier and the real engine, 200 jobs each: the measured catch rate must lie within
 * 4σ of the rate the spec predicts, Σ_jobs (1 − C(N − bad, k) / C(N, k)) / jobs, with bad counted per job (items whose
 * vector is not the honest one under the rule). Jobs of N = 40 inputs drawn from 200 corpus inputs (160 short, 40
 * long paragraphs), a trusted worker (k = 8). Vectors are memoised per input and model: the engine is deterministic
 * (measured), so re-executing an input twice gives the same bits; honest workers compute with 2 threads, the
 * verifier with 1.
 */
class CheatingRateTest {

    static final int JOBS = 200;
    static final int ITEMS = 40;
    static final int TRUST = 40;
    static final EmbeddingModel FP32 = EmbeddingModel.ALL_MINILM_L6_V2;

    static final List<String> POOL = Stream.concat(
            Corpus.all().stream().filter(s -> s.length() < 300).limit(160),
            Corpus.all().stream().filter(s -> s.length() > 1200).limit(40)).toList();

    final Map<String, float[]> verifierMemo = new ConcurrentHashMap<>();
    final Map<String, float[]> fp32TwoThreads = new ConcurrentHashMap<>();
    final Map<String, float[]> quantised = new ConcurrentHashMap<>();

    final Reexecution memoisedVerifierEngine = (model, inputs) -> inputs.stream()
            .map(s -> verifierMemo.computeIfAbsent(s, t -> Models.fp32().embed(t).vector())).toList();

    interface Cheater {
        List<float[]> compute(List<String> inputs, Random random);
    }

    record Rate(String name, int jobs, int caught, double predicted, double sigma) {
        double measured() {
            return (double) caught / jobs;
        }
    }

    float[] honest(String s) {
        return verifierMemo.computeIfAbsent(s, t -> Models.fp32().embed(t).vector());
    }

    float[] twoThreads(String s) {
        return fp32TwoThreads.computeIfAbsent(s, t -> Models.engine(FP32, 2).embed(t).vector());
    }

    float[] q(String s) {
        return quantised.computeIfAbsent(s, t -> Models.quantised().embed(t).vector());
    }

    static float[] randomUnit(Random random) {
        float[] v = new float[384];
        double n = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            n += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(n);
        }
        return v;
    }

    /** The same cheat on a random {@code count} of the job's items, honest vectors elsewhere. */
    Cheater onSome(int count, Function<String, float[]> cheat) {
        return (inputs, random) -> {
            Set<Integer> bad = new HashSet<>();
            while (bad.size() < count) {
                bad.add(random.nextInt(inputs.size()));
            }
            List<float[]> out = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                out.add(bad.contains(i) ? cheat.apply(inputs.get(i)) : honest(inputs.get(i)));
            }
            return out;
        };
    }

    Rate run(String name, Cheater cheater, Comparison rule, long seed) {
        EmbeddingVerifier verifier = new EmbeddingVerifier(memoisedVerifierEngine, rule);
        Random random = new Random(seed);
        int caught = 0;
        double predicted = 0;
        double variance = 0;
        for (int j = 0; j < JOBS; j++) {
            List<String> inputs = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                inputs.add(POOL.get(random.nextInt(POOL.size())));
            }
            EmbeddingJob job = new EmbeddingJob(FP32.id(), inputs);
            List<float[]> vectors = cheater.compute(inputs, random);
            int bad = 0;
            for (int i = 0; i < ITEMS; i++) {
                bad += rule.mismatch(vectors.get(i), honest(inputs.get(i))) == null ? 0 : 1;
            }
            double pAccept = EmbeddingChallenge.acceptProbability(ITEMS, bad, EmbeddingChallenge.sampleSize(TRUST, ITEMS));
            predicted += 1 - pAccept;
            variance += pAccept * (1 - pAccept);
            EmbeddingCommitment commitment = EmbeddingCommitment.of(job, vectors);
            byte[] nonce = new byte[32];
            byte[] block = new byte[32];
            random.nextBytes(nonce);
            random.nextBytes(block);
            EmbeddingChallenge challenge = EmbeddingChallenge.forWorker(job, TRUST, nonce, HexFormat.of().formatHex(block),
                    commitment.resultHash());
            caught += verifier.verify(job, commitment.resultHash(), challenge, commitment.open(challenge.indices()))
                    .accepted() ? 0 : 1;
        }
        Rate rate = new Rate(name, JOBS, caught, predicted / JOBS, Math.sqrt(variance) / JOBS);
        System.out.printf("%-44s %-22s caught %3d/%d = %.3f, predicted %.3f ± %.3f%n", name, rule, caught, JOBS,
                rate.measured(), rate.predicted(), rate.sigma());
        return rate;
    }

    static void assertWithinFourSigma(Rate r) {
        assertTrue(Math.abs(r.measured() - r.predicted()) <= 4 * r.sigma() + 1e-9,
                r.name() + ": measured " + r.measured() + ", predicted " + r.predicted() + " ± " + r.sigma());
    }

    @Test
    void honestWorkersOnOtherThreadCountsAreNeverRejected() {
        Rate r = run("honest (worker 2 threads, verifier 1)", (inputs, random) -> inputs.stream().map(this::twoThreads).toList(),
                Comparison.EXACT, 1);
        assertEquals(0, r.caught());
    }

    @Test
    void cheatersAreCaughtAtThePredictedRate() {
        List<Rate> rates = new ArrayList<>();
        for (Comparison rule : List.of(Comparison.EXACT, Comparison.TOLERANT)) {
            rates.add(run("quantised model for every item", (inputs, random) -> inputs.stream().map(this::q).toList(), rule, 2));
            rates.add(run("quantised model for 4 of 40 items", onSome(4, this::q), rule, 3));
            rates.add(run("inputs cut to 300 characters", (inputs, random) -> inputs.stream()
                    .map(s -> s.length() > 300 ? honest(s.substring(0, s.offsetByCodePoints(0, s.codePointCount(0, 300))))
                            : honest(s)).toList(), rule, 4));
            rates.add(run("random unit vectors for 2 of 40 items", onSome(2, s -> randomUnit(new Random(s.hashCode()))), rule, 5));
            rates.add(run("random unit vectors for every item", (inputs, random) -> inputs.stream()
                    .map(s -> randomUnit(random)).toList(), rule, 6));
        }
        rates.forEach(CheatingRateTest::assertWithinFourSigma);
        assertEquals(1.0, rates.get(0).measured(), "a full substitution is always caught");
        assertEquals(1.0, rates.get(4).measured());
    }
}
