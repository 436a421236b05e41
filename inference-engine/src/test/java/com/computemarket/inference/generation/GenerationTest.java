package com.computemarket.inference.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GenerationTest {

    private static TextGenerator generator;
    private static TextGenerator replayer;

    @BeforeAll
    static void open() throws IOException {
        generator = TextGenerator.open(Models.tiny(TinyModels.F32), 1);
        replayer = new TextGenerator(generator.model(), 2);
    }

    @AfterAll
    static void close() throws IOException {
        generator.close();
    }

    @Test
    void greedyGenerationIsReproducibleAndStopsAtMaxTokens() {
        GenerationRequest request = new GenerationRequest("tiny", "the cat sat", 50, 0f, 1);
        GenerationResult a = generator.generate(request);
        GenerationResult b = generator.generate(new GenerationRequest("tiny", "the cat sat", 50, 0f, 12345));
        assertArrayEquals(a.tokens(), b.tokens(), "the seed does not matter at temperature 0");
        assertEquals(FinishReason.LENGTH, a.finishReason());
        assertEquals(50, a.tokens().length);
        assertEquals(8, a.promptTokens()); // BOS ▁the ▁ c at ▁ s at
        assertEquals(generator.model().tokenizer().decode(a.tokens()), a.text());
    }

    @Test
    void theEosTokenEndsGenerationWithFinishReasonEos() {
        GenerationResult withEos = null;
        for (int seed = 0; seed < 200 && withEos == null; seed++) {
            GenerationResult r = generator.generate(new GenerationRequest("tiny", "hello", 64, 1.5f, seed));
            if (r.finishReason() == FinishReason.EOS) {
                withEos = r;
            }
        }
        assertTrue(withEos != null, "some seed samples EOS");
        int[] tokens = withEos.tokens();
        assertEquals(generator.model().tokenizer().eos(), tokens[tokens.length - 1]);
        assertTrue(tokens.length <= 64);
        assertEquals(generator.model().tokenizer().decode(Arrays.copyOf(tokens, tokens.length - 1)), withEos.text());
    }

    @Test
    void aPromptThatDoesNotLeaveRoomForMaxTokensIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> generator.generate(new GenerationRequest("tiny", "x".repeat(600), 1, 0f, 0)));
        assertThrows(IllegalArgumentException.class,
                () -> generator.generate(new GenerationRequest("tiny", "x".repeat(450), 100, 0f, 0)));
        assertThrows(IllegalArgumentException.class, () -> new GenerationRequest("tiny", "x", 0, 0f, 0));
        assertThrows(IllegalArgumentException.class, () -> new GenerationRequest("tiny", "x", 10, -0.1f, 0));
        assertThrows(IllegalArgumentException.class, () -> new GenerationRequest("tiny", "x", 10, Float.NaN, 0));
    }

    @Test
    void replayingAnyPositionGivesTheGeneratedTokenAndLogProbabilityBitForBit() {
        for (float temperature : new float[] {0f, 0.9f}) {
            GenerationRequest request = new GenerationRequest("tiny", "once upon", 40, temperature, 77);
            GenerationResult r = generator.generate(request);
            int[] all = new int[r.tokens().length];
            Arrays.setAll(all, i -> i);
            TokenChoice[] replayed = replayer.replay(request, r.tokens(), all);
            for (int i = 0; i < all.length; i++) {
                assertEquals(r.tokens()[i], replayed[i].token(), "T=" + temperature + " position " + i);
                assertEquals(Float.floatToRawIntBits(r.logProbs()[i]), Float.floatToRawIntBits(replayed[i].logProb()));
            }
            TokenChoice[] some = replayer.replay(request, r.tokens(), new int[] {5, 17});
            assertEquals(replayed[17], some[1]);
        }
    }

    @Test
    void theLogProbabilityIsTheLogSoftmaxOfTheLogitsAtTemperatureOne() {
        GenerationRequest request = new GenerationRequest("tiny", "abc", 3, 1.7f, 5);
        GenerationResult r = generator.generate(request);
        try (LlamaModel.Sequence seq = generator.model().newSequence(1)) {
            float[] logits = null;
            for (int t : generator.promptTokens(request)) {
                logits = seq.next(t);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (float l : logits) {
                max = Math.max(max, l);
            }
            double sum = 0;
            for (float l : logits) {
                sum += Math.exp(l - max);
            }
            double expected = logits[r.tokens()[0]] - max - Math.log(sum);
            assertEquals(expected, r.logProbs()[0], 1e-6);
        }
    }

    @Test
    void theSamplerFollowsTheTemperatureScaledDistributionAndEachPositionHasItsOwnUniform() {
        assertEquals((0xE220A8397B1DCDAFL >>> 11) * 0x1p-53, Sampler.uniform(0, 0), "SplitMix64's first output for seed 0");
        float[] logits = {(float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.2)};
        int[] counts = new int[3];
        int n = 20000;
        for (int i = 0; i < n; i++) {
            counts[Sampler.choose(logits, 1f, 42, i).token()]++;
        }
        assertEquals(0.5, counts[0] / (double) n, 0.015);
        assertEquals(0.3, counts[1] / (double) n, 0.015);
        assertEquals(0.2, counts[2] / (double) n, 0.015);
        int low = 0;
        for (int i = 0; i < n; i++) {
            if (Sampler.choose(logits, 0.25f, 42, i).token() == 0) {
                low++;
            }
        }
        // at T = 0.25 the probabilities are ∝ 0.5^4, 0.3^4, 0.2^4: token 0 about 0.865
        assertEquals(0.865, low / (double) n, 0.015);
        assertNotEquals(Sampler.uniform(42, 3), Sampler.uniform(43, 3));
        assertEquals(0, Sampler.sample(logits, 1f, 0.0));
        assertEquals(2, Sampler.sample(logits, 1f, 0.999999));
    }

    @Test
    void aReplayRefusesTokensOutsideTheVocabularyOrBeyondMaxTokens() {
        GenerationRequest request = new GenerationRequest("tiny", "abc", 4, 0f, 5);
        assertThrows(IllegalArgumentException.class, () -> replayer.replay(request, new int[] {5, 300}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> replayer.replay(request, new int[] {5, 6, 7, 8, 9}, new int[] {4}));
    }

    @Test
    void aJobWithoutSeedTakesItsSeedFromTheJobId() {
        assertEquals(GenerationRequest.seedFromJobId("job-1"), GenerationRequest.seedFromJobId("job-1"));
        assertNotEquals(GenerationRequest.seedFromJobId("job-1"), GenerationRequest.seedFromJobId("job-2"));
    }
}
