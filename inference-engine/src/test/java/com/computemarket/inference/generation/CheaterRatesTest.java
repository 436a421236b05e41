package com.computemarket.inference.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.challenge.generation.ClaimedText;
import com.computemarket.challenge.generation.TextChallenge;
import com.computemarket.challenge.generation.TextJob;
import com.computemarket.challenge.generation.TextVerdict;
import com.computemarket.challenge.generation.TextVerifier;
import com.computemarket.challenge.generation.TokenRecords;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Honest workers and cheaters through the real verifier (TextVerifier over the engine's replay), {@value #JOBS} jobs
 * each, with challenges from a fixed sequence of nonces and block hashes (deterministic). The honest worker
 * generates with 1 thread and is replayed with 2 (and every position with 4); the measured rates are printed for
 * docs/protocol/text-generation.md and asserted against the predictions (within 4 σ where the prediction is
 * not 0 or 1).
 */
class CheaterRatesTest {

    static final int JOBS = 200;
    static final int MAX_TOKENS = 24;
    static final int K = TextChallenge.DEFAULT_POSITIONS;

    private static TextGenerator worker;
    private static TextGenerator verifierEngine;
    private static TextGenerator verifierEngine4;
    private static TextGenerator q8;
    private static TextGenerator otherSeed;
    private final TextVerifier verifier = new TextVerifier();

    @BeforeAll
    static void open() throws IOException {
        worker = TextGenerator.open(Models.tiny(TinyModels.F32), 1);
        verifierEngine = new TextGenerator(worker.model(), 2);
        verifierEngine4 = new TextGenerator(worker.model(), 4);
        q8 = TextGenerator.open(Models.tiny(TinyModels.Q8_0), 1);
        otherSeed = TextGenerator.open(Models.tiny(TinyModels.OTHER_SEED), 1);
    }

    @AfterAll
    static void close() throws IOException {
        worker.close();
        q8.close();
        otherSeed.close();
    }

    static GenerationRequest request(int job) {
        return new GenerationRequest("tiny-llama-random-f32", "job " + job + " says", MAX_TOKENS,
                job % 2 == 0 ? 0f : 0.8f, GenerationRequest.seedFromJobId("job-" + job));
    }

    static TextJob textJob(GenerationRequest r) {
        return new TextJob(r.modelId(), r.prompt(), r.maxTokens(), r.temperature(), r.seed());
    }

    static ClaimedText claimed(GenerationResult r) {
        return new ClaimedText(r.tokens(), r.logProbs(), r.finishReason().wire());
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The worker commits, then the challenge comes from the job's nonce and a later "block". */
    private TextVerdict verify(int job, GenerationRequest request, ClaimedText claimed) {
        return verify(job, request, claimed, false);
    }

    private TextVerdict verify(int job, GenerationRequest request, ClaimedText claimed, boolean everyPosition) {
        TextJob textJob = textJob(request);
        String resultHash = TokenRecords.of(textJob, claimed).resultHash();
        byte[] nonce = sha256(ByteBuffer.allocate(8).putInt(0x7e47).putInt(job).array());
        String block = HexFormat.of().formatHex(sha256(nonce));
        TextChallenge challenge = everyPosition ? TextChallenge.everyPosition(claimed.tokens().length)
                : TextChallenge.derive(claimed.tokens().length, nonce, block, resultHash);
        return verifier.verify(textJob, claimed, resultHash, challenge, new EngineReplayer(verifierEngine, request));
    }

    private interface Cheat {
        ClaimedText result(int job, GenerationRequest request, GenerationResult honest, Random random);
    }

    private int accepted(Cheat cheat) {
        int accepted = 0;
        for (int job = 0; job < JOBS; job++) {
            GenerationRequest request = request(job);
            GenerationResult honest = worker.generate(request);
            if (verify(job, request, cheat.result(job, request, honest, new Random(job))).accepted()) {
                accepted++;
            }
        }
        return accepted;
    }

    @Test
    void anHonestWorkerIsNeverRejectedAndEveryPositionReplaysBitExact() {
        int rejected = 0;
        int positions = 0;
        int mismatches = 0;
        for (int job = 0; job < JOBS; job++) {
            GenerationRequest request = request(job);
            GenerationResult honest = worker.generate(request);
            TextVerdict v = verify(job, request, claimed(honest));
            if (!v.accepted()) {
                rejected++;
            }
            int[] all = new int[honest.tokens().length];
            Arrays.setAll(all, i -> i);
            TokenChoice[] replayed = verifierEngine4.replay(request, honest.tokens(), all);
            for (int i = 0; i < all.length; i++) {
                positions++;
                if (replayed[i].token() != honest.tokens()[i]
                        || Float.floatToRawIntBits(replayed[i].logProb()) != Float.floatToRawIntBits(honest.logProbs()[i])) {
                    mismatches++;
                }
            }
        }
        System.out.printf("honest: %d of %d jobs rejected; %d of %d positions differ (1 thread vs 4)%n",
                rejected, JOBS, mismatches, positions);
        assertEquals(0, rejected);
        assertEquals(0, mismatches);
        assertTrue(positions >= 1000);
    }

    @Test
    void aWorkerRunningADifferentGgufIsAlwaysCaught() {
        int viaQ8 = accepted((job, request, honest, random) -> claimed(q8.generate(request)));
        int viaOther = accepted((job, request, honest, random) -> claimed(otherSeed.generate(request)));
        System.out.printf("different GGUF: Q8_0 of the same weights accepted %d of %d; other random model %d of %d%n",
                viaQ8, JOBS, viaOther, JOBS);
        assertEquals(0, viaQ8);
        assertEquals(0, viaOther);
    }

    @Test
    void truncationIsAlwaysCaught() {
        int asEos = accepted((job, request, honest, random) -> {
            int n = honest.tokens().length;
            int cut = 1 + random.nextInt(Math.max(1, n - 1));
            int[] tokens = Arrays.copyOf(honest.tokens(), cut);
            tokens[cut - 1] = worker.model().tokenizer().eos();
            return new ClaimedText(tokens, Arrays.copyOf(honest.logProbs(), cut), ClaimedText.EOS);
        });
        int asLength = accepted((job, request, honest, random) -> {
            int cut = 1 + random.nextInt(Math.max(1, honest.tokens().length - 1));
            return new ClaimedText(Arrays.copyOf(honest.tokens(), cut), Arrays.copyOf(honest.logProbs(), cut),
                    ClaimedText.LENGTH);
        });
        System.out.printf("truncation: claimed as eos accepted %d of %d; as length %d of %d%n", asEos, JOBS, asLength, JOBS);
        assertEquals(0, asEos);
        assertEquals(0, asLength);
    }

    @Test
    void randomTokensAreAlwaysCaught() {
        int vocab = worker.model().config().vocab();
        int eos = worker.model().tokenizer().eos();
        int accepted = accepted((job, request, honest, random) -> {
            int[] tokens = new int[MAX_TOKENS];
            float[] lp = new float[MAX_TOKENS];
            for (int i = 0; i < MAX_TOKENS; i++) {
                do {
                    tokens[i] = random.nextInt(vocab);
                } while (tokens[i] == eos);
                lp[i] = (float) Math.log(1.0 / vocab);
            }
            return new ClaimedText(tokens, lp, ClaimedText.LENGTH);
        });
        System.out.printf("random tokens: accepted %d of %d%n", accepted, JOBS);
        assertEquals(0, accepted);
    }

    /**
     * A steering cheater: at B positions below the last it puts a token other than the model's choice, and elsewhere
     * continues honestly on its own prefix (log-probabilities honest too). It passes exactly when none of the k − 1
     * random challenged positions is one of the B: C(n−1−B, k−1) / C(n−1, k−1) per job; checking every position
     * (TextChallenge.everyPosition, at the same replay cost) catches it always.
     */
    @Test
    void aSteeringCheaterPassesAtTheHypergeometricRate() {
        int b = 3;
        int eos = worker.model().tokenizer().eos();
        double expected = 0;
        double variance = 0;
        int accepted = 0;
        int acceptedEveryPosition = 0;
        for (int job = 0; job < JOBS; job++) {
            GenerationRequest request = request(job);
            Random random = new Random(job);
            int n = MAX_TOKENS;
            TreeSet<Integer> steered = new TreeSet<>();
            while (steered.size() < b) {
                steered.add(random.nextInt(n - 1));
            }
            int[] tokens = new int[n];
            float[] lp = new float[n];
            try (LlamaModel.Sequence seq = worker.model().newSequence(1)) {
                float[] logits = null;
                for (int t : worker.promptTokens(request)) {
                    logits = seq.next(t);
                }
                for (int i = 0; i < n; i++) {
                    TokenChoice c = Sampler.choose(logits, request.temperature(), request.seed(), i);
                    int token = c.token();
                    if (steered.contains(i)) {
                        do {
                            token = random.nextInt(worker.model().config().vocab());
                        } while (token == c.token() || token == eos);
                    } else if (token == eos) {
                        token = eos == 2 ? 3 : 2; // keep the length fixed; such a position is caught like a steered one
                        steered.add(i);
                    }
                    tokens[i] = token;
                    lp[i] = Sampler.logProb(logits, token);
                    if (i + 1 < n) {
                        logits = seq.next(token);
                    }
                }
            }
            int bad = steered.size();
            double p = binomial(n - 1 - bad, K - 1) / binomial(n - 1, K - 1);
            expected += p;
            variance += p * (1 - p);
            ClaimedText steeredResult = new ClaimedText(tokens, lp, ClaimedText.LENGTH);
            if (verify(job, request, steeredResult).accepted()) {
                accepted++;
            }
            if (verify(job, request, steeredResult, true).accepted()) {
                acceptedEveryPosition++;
            }
        }
        double sigma = Math.sqrt(variance);
        System.out.printf("steering (B=%d of n=%d, k=%d): accepted %d of %d, predicted %.1f ± %.1f (σ);"
                        + " with every position checked: accepted %d%n",
                b, MAX_TOKENS, K, accepted, JOBS, expected, sigma, acceptedEveryPosition);
        assertEquals(0, acceptedEveryPosition);
        assertTrue(Math.abs(accepted - expected) <= 4 * sigma,
                "accepted " + accepted + ", predicted " + expected + " ± " + sigma);
    }

    static double binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
