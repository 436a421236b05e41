package com.computemarket.verification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.challenge.synthetic.Challenge;
import com.computemarket.challenge.synthetic.CpuBackend;
import com.computemarket.challenge.synthetic.ResultCommitment;
import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.challenge.synthetic.Verdict;
import com.computemarket.challenge.synthetic.Verifier;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VerificationTest {

    static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
    static final String PAYLOAD = "{\"seed\":\"abcd\",\"matrix_size\":32,\"first_iteration\":0,\"iterations\":3}";
    static final String BLOCK = "11".repeat(32);

    static Verification committed(String resultHash) {
        byte[] nonce = new byte[32];
        Arrays.fill(nonce, (byte) 7);
        return new Verification(UUID.randomUUID(), 1, UUID.randomUUID(), UUID.randomUUID(), "cpc1worker", PAYLOAD, resultHash,
                41L, nonce, T0);
    }

    @Test
    void theChallengeIsFixedOnALaterBlockAndDerivedTheSameEveryTime() {
        Verification v = committed("22".repeat(32));
        assertThrows(IllegalStateException.class, v::challenge);
        assertThrows(IllegalArgumentException.class, () -> v.challenge(41, BLOCK, Duration.ofSeconds(30), T0));
        assertTrue(v.challenge(42, BLOCK, Duration.ofSeconds(30), T0));
        assertEquals(VerificationStatus.CHALLENGED, v.status());
        assertEquals(v.challenge(), v.challenge());
        assertEquals(Math.min(Challenge.DEFAULT_ROWS, 96), v.challenge().rows().size());
        assertFalse(v.challenge(43, BLOCK, Duration.ofSeconds(30), T0), "a second block does not move the challenge");
        assertEquals(42L, v.challengeHeight());
    }

    @Test
    void honestOpeningsAreAcceptedAndAnOverdueAnswerIsRejected() {
        SyntheticJob job = new SyntheticJob("abcd", 32, 0, 3);
        ResultCommitment commitment = new CpuBackend().compute(job);
        Verification v = committed(commitment.resultHash());
        v.challenge(42, BLOCK, Duration.ofSeconds(30), T0);
        Verdict verdict = new Verifier().verify(v.job(), v.resultHash(), v.challenge(),
                new CpuBackend().open(commitment, v.challenge().leafIndices()));
        assertTrue(verdict.accepted(), verdict.reason());
        assertTrue(v.decide(verdict, 10, T0.plusSeconds(1)));
        assertEquals(VerificationStatus.ACCEPTED, v.status());

        Verification late = committed(commitment.resultHash());
        late.challenge(42, BLOCK, Duration.ofSeconds(30), T0);
        assertFalse(late.timeOut(T0.plusSeconds(30)), "not before respond_by");
        assertTrue(late.timeOut(T0.plusSeconds(31)));
        assertEquals(VerificationStatus.REJECTED, late.status());
        assertFalse(late.decide(verdict, 1, T0.plusSeconds(32)), "no verdict after the time-out");
    }

    @Test
    void aRelayThatFailsGoesBackForAFreshSignatureAndASettledOneIsFinal() {
        Verification v = accepted();
        assertTrue(v.askSignature(BigInteger.valueOf(4), T0));
        assertTrue(v.status().holdsNonce());
        assertFalse(v.signatureOverdue(T0.plusSeconds(60), Duration.ofSeconds(60)));
        assertTrue(v.signatureOverdue(T0.plusSeconds(61), Duration.ofSeconds(60)));
        assertTrue(v.signed("ab".repeat(32), "{}", T0));
        assertTrue(v.relayed(100, T0));
        assertTrue(v.retrySignature("proven dead", T0));
        assertEquals(VerificationStatus.ACCEPTED, v.status());
        assertNull(v.txNonce());
        assertNull(v.txHash());
        assertEquals("proven dead", v.relayProblem());

        assertTrue(v.askSignature(BigInteger.valueOf(5), T0));
        assertTrue(v.signed("cd".repeat(32), "{}", T0));
        assertTrue(v.relayed(101, T0));
        assertTrue(v.settled(102, "ef".repeat(32), T0));
        assertTrue(v.status().isFinal());
        assertFalse(v.retrySignature("late", T0));
        assertFalse(v.abandon("late", T0));
        assertEquals(102L, v.blockHeight());
    }

    static Verification accepted() {
        SyntheticJob job = new SyntheticJob("abcd", 32, 0, 3);
        ResultCommitment commitment = new CpuBackend().compute(job);
        Verification v = committed(commitment.resultHash());
        v.challenge(42, BLOCK, Duration.ofSeconds(30), T0);
        v.decide(new Verifier().verify(v.job(), v.resultHash(), v.challenge(),
                new CpuBackend().open(commitment, v.challenge().leafIndices())), 1, T0);
        return v;
    }
}
