package com.computemarket.verification.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.verification.domain.Verification;
import com.computemarket.workerprotocol.WireMessage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each job goes to the verifier of its challenge type; a type without one (yet) is not verified. */
class ResultVerifiersTest {

    static final ResultVerifier REEXECUTING = new ResultVerifier() {
        @Override public String challengeType() { return "inference"; }
        @Override public boolean workerAnswers() { return false; }
        @Override public WireMessage challenge(Verification v) { throw new UnsupportedOperationException(); }
        @Override public VerifierVerdict verify(Verification v) { return new VerifierVerdict(true, "ok", 1, 1, 1); }
    };

    final SyntheticVerifier synthetic = new SyntheticVerifier();
    final ResultVerifiers verifiers = new ResultVerifiers(List.of(synthetic, REEXECUTING));

    @Test
    void eachChallengeTypeHasItsVerifier() {
        assertSame(synthetic, verifiers.require("synthetic"));
        assertTrue(verifiers.require("synthetic").workerAnswers(), "synthetic: the worker opens rows");
        assertSame(REEXECUTING, verifiers.require("inference"));
        assertFalse(verifiers.require("inference").workerAnswers(), "inference: the platform re-executes");
        assertEquals(Set.of("synthetic", "inference"), verifiers.types());
    }

    @Test
    void aTypeWithoutAVerifierIsNotVerified() {
        assertTrue(verifiers.of("rendering").isEmpty());
        assertThrows(IllegalStateException.class, () -> verifiers.require("rendering"));
    }

    @Test
    void twoVerifiersForOneTypeAreRefused() {
        assertThrows(IllegalStateException.class, () -> new ResultVerifiers(List.of(synthetic, new SyntheticVerifier())));
    }
}
