package com.computemarket.verification.application;

import com.computemarket.challenge.synthetic.Opening;
import com.computemarket.market.application.JobCompletion;
import com.computemarket.market.application.JobSnapshot;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.JobId;
import com.computemarket.shared.WorkerId;
import com.computemarket.verification.domain.Verification;
import com.computemarket.verification.domain.VerificationRepository;
import com.computemarket.verification.domain.VerificationStatus;
import com.computemarket.workerprotocol.WireMessage;
import com.computemarket.workers.application.WorkerDirectory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The verifier's side of the worker conversation: a commitment arrives (a result was submitted), the worker's
 * openings come in frame by frame, and its signed SUBMIT_RESULT comes back for relaying. The timed steps (challenge
 * on the next block, time-outs, signature requests, relay and confirmation) are the {@link VerificationSteps}.
 */
@Stateless
public class ResultVerification {

    private static final Logger LOG = Logger.getLogger(ResultVerification.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject VerificationRepository verifications;
    @Inject JobCompletion jobs;
    @Inject WorkerDirectory workers;
    @Inject ResultChain chain;
    @Inject OpeningInbox inbox;
    @Inject VerificationSteps steps;
    @Inject ResultVerifiers verifiers;
    @Inject Clock clock;

    /**
     * A result was taken: records the L1 head and draws the verifier's secret nonce. The challenge follows on the
     * first block after this head. Repeating it changes nothing. Results of types without a verifier stay submitted.
     */
    public void begin(UUID jobId) {
        JobSnapshot job = jobs.job(JobId.of(jobId));
        if (verifiers.of(job.challengeType()).isEmpty()) {
            LOG.info(() -> "job " + jobId + " (" + job.challengeType() + "): no verifier for this challenge type yet;"
                    + " the result stays submitted");
            return;
        }
        if (!job.awaitingVerdict() || verifications.ofJob(jobId, job.attempts()).isPresent()) {
            return;
        }
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        Long head = headIfReachable();
        verifications.add(new Verification(job.challengeType(), job.id(), job.attempts(), job.taskId(), job.workerId(), workers.require(WorkerId.of(job.workerId())).address(),
                job.payload(), job.resultHash(), head, nonce, clock.instant()));
        LOG.fine(() -> "job " + jobId + " committed at head " + (head == null ? "(L1 unreachable: read later)" : head));
    }

    /** The L1 head, or null when the node cannot be reached now: the clock reads it later (a later head is still safe). */
    private Long headIfReachable() {
        try {
            return chain.head();
        } catch (RuntimeException e) {
            LOG.warning(() -> "L1 unreachable while a result arrived (" + e.getMessage() + "); its head is read later");
            return null;
        }
    }

    /** One opened row; once every challenged row is in, the verdict is decided. Wrong frames are refused. */
    public void receiveOpening(UUID workerId, WireMessage.RowOpening frame) {
        OpeningInbox.Expected expected = inbox.expected(frame.jobId()).orElseGet(() -> expectedBy(frame.jobId()));
        requireWorker(frame.jobId(), expected.workerId(), workerId);
        if (!expected.leaves().contains(frame.leafIndex())) {
            throw DomainException.invalid("leaf-not-challenged", "leaf " + frame.leafIndex() + " of job " + frame.jobId()
                    + " was not challenged");
        }
        Opening opening;
        try {
            opening = Opening.ofBase64(frame.leafIndex(), frame.values(), frame.path());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("malformed-opening", "leaf " + frame.leafIndex() + ": " + e.getMessage());
        }
        inbox.add(frame.jobId(), expected, opening).ifPresent(all -> steps.decide(expected.verificationId(), all));
    }

    /** For a job's first opening frame: the open challenge it answers (read and derived once per job). */
    private OpeningInbox.Expected expectedBy(UUID jobId) {
        Verification v = verifications.ofJob(jobId).orElseThrow(() -> DomainException.conflict("no-open-challenge",
                "job " + jobId + " has no challenge to answer"));
        if (v.status() != VerificationStatus.CHALLENGED) {
            throw DomainException.conflict("no-open-challenge", "job " + jobId + " is not awaiting openings ("
                    + v.status().wire() + ")");
        }
        return new OpeningInbox.Expected(v.id(), v.workerId(), new HashSet<>(v.challenge().leafIndices()));
    }

    /**
     * The worker's signed SUBMIT_RESULT for a result it was asked to sign: checked against what was asked (type,
     * sender, nonce, result, proof, both signatures) and recorded; the clock relays it. A repeat is harmless.
     */
    public void receiveSignature(UUID workerId, WireMessage.SignedResult frame) {
        Verification v = verifications.lockOfJob(frame.jobId()).orElseThrow(() -> DomainException.conflict(
                "no-signature-requested", "no signature was asked for job " + frame.jobId()));
        requireWorker(v.jobId(), v.workerId(), workerId);
        SignedResultCheck check = SignedResultCheck.of(frame.transaction());
        if (v.status() != VerificationStatus.SIGNING) {
            if (v.txHash() != null && v.txHash().equals(check.txHash())) {
                return; // the same transaction again (a resend after a reconnect)
            }
            throw DomainException.conflict("no-signature-requested", "job " + frame.jobId() + " does not await a signature ("
                    + v.status().wire() + ")");
        }
        check.against(v, Proofs.of(v), chain.gasPrice());
        v.signed(check.txHash(), frame.transaction(), clock.instant());
        LOG.info(() -> "job " + v.jobId() + ": SUBMIT_RESULT " + v.txHash() + " signed by " + v.workerAddress()
                + " (nonce " + v.txNonce() + ")");
    }

    /** What a worker that (re)connects must see again: open challenges and signature requests. */
    public List<WireMessage> pendingFor(UUID workerId) {
        Instant now = clock.instant();
        List<WireMessage> out = new ArrayList<>();
        for (Verification v : verifications.ofWorker(workerId, List.of(VerificationStatus.CHALLENGED, VerificationStatus.SIGNING))) {
            if (v.status() == VerificationStatus.CHALLENGED && v.respondBy() != null && !v.overdue(now)) {
                out.add(verifiers.require(v.challengeType()).challenge(v));
            } else if (v.status() == VerificationStatus.SIGNING) {
                out.add(Messages.signRequest(v, chain.gasPrice()));
            }
        }
        return out;
    }

    private static void requireWorker(UUID jobId, UUID submittedBy, UUID workerId) {
        if (!submittedBy.equals(workerId)) {
            throw DomainException.forbidden("not-your-result", "job " + jobId + " was submitted by another worker");
        }
    }
}
