package com.computemarket.challenge.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TextVerifierTest {

    private static final TextJob JOB = new TextJob("toy", "hello", 16, 0f, 7);
    private static final byte[] NONCE = new byte[32];
    private static final String BLOCK = "ab".repeat(32);

    private final TextVerifier verifier = new TextVerifier();

    private TextVerdict check(ClaimedText claimed, int k) {
        String hash = TokenRecords.of(JOB, claimed).resultHash();
        TextChallenge challenge = TextChallenge.derive(claimed.tokens().length, NONCE, BLOCK, hash, k);
        return verifier.verify(JOB, claimed, hash, challenge, new ToyReplayer(1));
    }

    @Test
    void anHonestResultIsAccepted() {
        ClaimedText honest = ToyReplayer.honest(1, 16);
        TextVerdict v = check(honest, 8);
        assertTrue(v.accepted(), v.reason());
        assertEquals(8, v.positionsReplayed());
    }

    @Test
    void aWrongTokenAtAChallengedPositionIsRejected() {
        ClaimedText honest = ToyReplayer.honest(1, 16);
        int[] tokens = honest.tokens();
        tokens[15] = (tokens[15] + 1) % 50 == 2 ? 4 : (tokens[15] + 1) % 50;
        TextVerdict v = check(new ClaimedText(tokens, honest.logProbs(), ClaimedText.LENGTH), 8);
        assertFalse(v.accepted());
        assertTrue(v.reason().contains("position 15: token"), v.reason());
    }

    @Test
    void aLogProbabilityOneUlpOffIsRejected() {
        ClaimedText honest = ToyReplayer.honest(1, 16);
        float[] lp = honest.logProbs();
        lp[15] = Math.nextUp(lp[15]);
        TextVerdict v = check(new ClaimedText(honest.tokens(), lp, ClaimedText.LENGTH), 1);
        assertFalse(v.accepted());
        assertTrue(v.reason().contains("log-probability"), v.reason());
    }

    @Test
    void truncationIsRejectedWhateverTheFinishReasonClaims() {
        ClaimedText honest = ToyReplayer.honest(1, 16);
        int[] cut = Arrays.copyOf(honest.tokens(), 10);
        float[] lp = Arrays.copyOf(honest.logProbs(), 10);
        assertFalse(check(new ClaimedText(cut, lp, ClaimedText.LENGTH), 8).accepted());
        cut[9] = ToyReplayer.EOS;
        TextVerdict v = check(new ClaimedText(cut, lp, ClaimedText.EOS), 8);
        assertFalse(v.accepted());
        assertTrue(v.reason().contains("position 9"), v.reason());
    }

    @Test
    void aGenuineEosIsAccepted() {
        ClaimedText viaEos = null;
        for (int first = 0; first < 50 && viaEos == null; first++) {
            ClaimedText c = ToyReplayer.honest(first, 16);
            if (c.finishReason().equals(ClaimedText.EOS)) {
                viaEos = c;
                TextVerdict v = verifier.verify(JOB, c, TokenRecords.of(JOB, c).resultHash(),
                        TextChallenge.derive(c.tokens().length, NONCE, BLOCK, TokenRecords.of(JOB, c).resultHash()),
                        new ToyReplayer(first));
                assertTrue(v.accepted(), v.reason());
            }
        }
        assertTrue(viaEos != null, "some prompt leads the toy model to EOS");
    }

    @Test
    void aResultThatDoesNotMatchItsCommitmentIsRejectedBeforeAnyReplay() {
        ClaimedText honest = ToyReplayer.honest(1, 16);
        ToyReplayer replayer = new ToyReplayer(1);
        String other = TokenRecords.of(new TextJob("toy", "hello!", 16, 0f, 7), honest).resultHash();
        TextVerdict v = verifier.verify(JOB, honest, other, TextChallenge.derive(16, NONCE, BLOCK, other), replayer);
        assertFalse(v.accepted());
        assertEquals(0, replayer.calls);
    }

    @Test
    void anEarlyEosOrAnUnknownFinishReasonIsRejected() {
        ClaimedText honest = ToyReplayer.honest(1, 16);
        int[] tokens = honest.tokens();
        tokens[3] = ToyReplayer.EOS;
        assertTrue(check(new ClaimedText(tokens, honest.logProbs(), ClaimedText.LENGTH), 8).reason().contains("EOS at position 3"));
        assertFalse(check(new ClaimedText(honest.tokens(), honest.logProbs(), "stop"), 8).accepted());
    }

    @Test
    void theChallengeAlwaysEndsAtTheLastPositionAndIsDistinctAndAscending() {
        for (int seed = 0; seed < 200; seed++) {
            byte[] nonce = new byte[32];
            nonce[0] = (byte) seed;
            nonce[1] = (byte) (seed >> 8);
            int n = 1 + seed % 40;
            TextChallenge c = TextChallenge.derive(n, nonce, BLOCK, "cd".repeat(32), 8);
            int[] idx = c.asArray();
            assertEquals(Math.min(8, n), idx.length);
            assertEquals(n - 1, idx[idx.length - 1]);
            for (int j = 1; j < idx.length; j++) {
                assertTrue(idx[j] > idx[j - 1]);
            }
        }
    }

    @Test
    void checkingEveryPositionCatchesASingleSteeredTokenAnywhere() {
        ClaimedText honest = ToyReplayer.honest(1, 16);
        for (int steered = 0; steered < 15; steered++) {
            int[] tokens = honest.tokens();
            tokens[steered] = tokens[steered] == 40 ? 41 : 40;
            ClaimedText c = new ClaimedText(tokens, honest.logProbs(), ClaimedText.LENGTH);
            String hash = TokenRecords.of(JOB, c).resultHash();
            TextVerdict v = verifier.verify(JOB, c, hash, TextChallenge.everyPosition(16), new ToyReplayer(1));
            assertFalse(v.accepted());
            assertTrue(v.reason().startsWith("position " + steered + ":"), v.reason());
        }
    }

    @Test
    void tokensTheModelCannotReadAreRejectedNotThrown() {
        ClaimedText honest = ToyReplayer.honest(1, 16);
        String hash = TokenRecords.of(JOB, honest).resultHash();
        Replayer refusing = new Replayer() {
            @Override
            public Choice[] replay(int[] claimedTokens, int[] indices) {
                throw new IllegalArgumentException("claimed token 70000 is outside the vocabulary");
            }

            @Override
            public int eosToken() {
                return ToyReplayer.EOS;
            }
        };
        TextVerdict v = verifier.verify(JOB, honest, hash, TextChallenge.derive(16, NONCE, BLOCK, hash), refusing);
        assertFalse(v.accepted());
        assertTrue(v.reason().contains("outside the vocabulary"), v.reason());
    }

    /** Test vectors, also in docs/protocol/text-generation.md and reproduced there by a Python snippet. */
    @Test
    void vectors() {
        TextJob job = new TextJob("tiny-llama-random-f32", "the cat", 4, 0f, 42);
        TokenRecords r = TokenRecords.of(job, new int[] {12, 142, 24, 74},
                new float[] {-1.3544387f, -1.2525686f, -1.0856009f, -1.5237848f});
        String genesis = HexFormat.of().formatHex(job.genesis());
        assertEquals(VECTOR_GENESIS, genesis);
        assertEquals(VECTOR_RESULT_HASH, r.resultHash());
        assertEquals(VECTOR_CHALLENGE, TextChallenge.derive(40, new byte[32], "00".repeat(32), r.resultHash(), 4).indices().toString());
    }

    static final String VECTOR_GENESIS = "b280fa1aa450b365086116696235a41116008ff1edcb7d272cd7d930244bc428";
    static final String VECTOR_RESULT_HASH = "99b25f3a40cad1ce5ffa3c0e11de2b0bb4aa52735a00a2e40b0d18ae94956e6c";
    static final String VECTOR_CHALLENGE = "[27, 30, 37, 39]";
}
