package com.computemarket.verification.application;

import com.computemarket.verification.domain.Verification;

/**
 * The ComputeResult {@code proof} the worker signs for an accepted result: the verifier's evidence, from recorded
 * fields only, so every request for the same verification asks for the same text.
 */
final class Proofs {

    private Proofs() {
    }

    static String of(Verification v) {
        return "computemarket-verifier/1 challenge-block=" + v.challengeHeight() + ":" + v.challengeBlockHash()
                + " rows=" + v.rowsChecked() + " entries=" + v.entriesChecked();
    }
}
