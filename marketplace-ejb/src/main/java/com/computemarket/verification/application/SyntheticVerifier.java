package com.computemarket.verification.application;

import com.computemarket.challenge.synthetic.Opening;
import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.challenge.synthetic.Verdict;
import com.computemarket.challenge.synthetic.Verifier;
import com.computemarket.verification.domain.Verification;
import com.computemarket.workerprotocol.WireMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Synthetic results (docs/protocol/synthetic-challenge.md §9a): the worker is sent the challenged rows and opens them
 * over the socket; {@link #check} decides once every row is in. Stateless.
 */
@ApplicationScoped
public class SyntheticVerifier implements ResultVerifier {

    private static final Verifier VERIFIER = new Verifier();

    @Override
    public String challengeType() {
        return SyntheticJob.CHALLENGE_TYPE;
    }

    @Override
    public boolean workerAnswers() {
        return true;
    }

    /** IllegalArgumentException when the result hash is no 32-byte hex digest (nothing can be opened). */
    @Override
    public WireMessage.ChallengeRows challenge(Verification v) {
        return Messages.challenge(v);
    }

    @Override
    public VerifierVerdict verify(Verification v) {
        throw new UnsupportedOperationException("a synthetic result is decided on the worker's openings");
    }

    /** The openings of every challenged row against the commitment. */
    public Verdict check(Verification v, List<Opening> openings) {
        SyntheticJob job = v.job();
        return VERIFIER.verify(job, v.resultHash(), v.challenge(job), openings);
    }
}
