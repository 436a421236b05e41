package com.computemarket.verification.application;

import com.computemarket.verification.domain.Verification;
import com.computemarket.workerprotocol.WireMessage;

/**
 * Port: the verifier of one challenge type. Every type shares the recorded states of a {@link Verification} (the
 * challenge fixed on the first block after the commitment, the verdict, then signing, relay and settlement); what
 * differs is how the verdict is reached, in one of two ways:
 * <ul>
 * <li>the worker answers: the challenge is sent to it and its answers arrive over the socket before respond_by
 * (synthetic: row openings);</li>
 * <li>the platform checks alone: no message to the worker; the clock calls {@link #verify} outside any transaction
 * (inference: re-execution of the challenged items with the engines).</li>
 * </ul>
 * Implementations are CDI beans; {@link ResultVerifiers} picks one by {@link #challengeType()}.
 */
public interface ResultVerifier {

    /** The job challenge type this verifier decides ("synthetic", "inference", …). */
    String challengeType();

    /** True when the worker answers the challenge before respond_by; false when {@link #verify} decides alone. */
    boolean workerAnswers();

    /** The message asking the worker to answer the just-fixed challenge (only when {@link #workerAnswers()}). */
    WireMessage challenge(Verification v);

    /**
     * The platform's verdict on a challenged result (only when not {@link #workerAnswers()}): runs outside any
     * transaction, may take seconds; throws when it cannot decide now (engine or model files missing), to be tried
     * again on the next pass rather than blame the worker.
     */
    VerifierVerdict verify(Verification v);
}
