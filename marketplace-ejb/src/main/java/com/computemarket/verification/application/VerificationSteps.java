package com.computemarket.verification.application;

import com.computemarket.challenge.synthetic.Opening;
import com.computemarket.challenge.synthetic.Verdict;
import com.computemarket.market.application.JobCompletion;
import com.computemarket.market.application.JobSnapshot;
import com.computemarket.shared.AfterCommit;
import com.computemarket.shared.JobId;
import com.computemarket.shared.WorkerId;
import com.computemarket.verification.domain.Verification;
import com.computemarket.verification.domain.VerificationRepository;
import com.computemarket.verification.domain.VerificationStatus;
import com.computemarket.workerprotocol.WireMessage.JobUpdate;
import com.computemarket.workerprotocol.WireMessage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The recorded steps of a verification, each its own transaction under the verification's row lock, so that a crash
 * between a step and the next talk with the worker or the L1 continues from what was recorded. Every step checks the
 * state it expects and does nothing otherwise, so it is safe to repeat. Messages to the worker go after commit.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class VerificationSteps {

    private static final Logger LOG = Logger.getLogger(VerificationSteps.class.getName());
    private static final List<VerificationStatus> NONCE_HOLDING =
            Arrays.stream(VerificationStatus.values()).filter(VerificationStatus::holdsNonce).toList();

    @Inject VerificationRepository verifications;
    @Inject JobCompletion completion;
    @Inject OpeningInbox inbox;
    @Inject WorkerMessages workers;
    @Inject VerificationSettings settings;
    @Inject ResultVerifiers verifiers;
    @Inject SyntheticVerifier synthetic;
    @Inject AfterCommit afterCommit;
    @Inject Clock clock;

    public List<Verification> inStatus(VerificationStatus status, int limit) {
        return verifications.inStatus(status, limit);
    }

    /** Workers whose next L1 nonce a result holds (asked to sign, signed, or relayed and not yet in a block). */
    public List<UUID> workersHoldingNonce() {
        return verifications.workersWith(NONCE_HOLDING);
    }

    public void headKnown(UUID id, long height) {
        verifications.lock(id).headKnown(height, clock.instant());
    }

    /** Jobs of a type with a verifier whose result was taken at least {@code before} but have no verification (a lost message). */
    public List<UUID> unverifiedResults(Instant before, int limit) {
        return verifications.unverifiedResults(verifiers.types(), before, limit);
    }

    /**
     * Fixes the challenge on the block after the commitment and sends it to the worker, or, for a verifier that checks
     * alone (inference), only records it: the clock then verifies outside this transaction ({@link #record}).
     */
    public void challenge(UUID id, long height, String blockHash) {
        Verification v = verifications.lock(id);
        ResultVerifier verifier = verifiers.require(v.challengeType());
        if (!v.challenge(height, blockHash, verifier.workerAnswers() ? settings.responseTime() : null, clock.instant())) {
            return;
        }
        if (!verifier.workerAnswers()) {
            LOG.fine(() -> "job " + v.jobId() + " (" + v.challengeType() + ") challenged on block " + height
                    + ": the platform verifies it");
            return;
        }
        WireMessage message;
        try {
            message = verifier.challenge(v);
        } catch (IllegalArgumentException e) {
            // a result hash that is no 32-byte hex digest cannot be opened: nothing to ask
            reject(v, VerifierVerdict.rejected("unverifiable result_hash: " + e.getMessage(), 0));
            return;
        }
        LOG.fine(() -> "job " + v.jobId() + " challenged on block " + height + ": " + message);
        afterCommit.run(() -> workers.send(WorkerId.of(v.workerId()), message));
    }

    /** Every challenged row is in: checks them and records the verdict; a rejected result is not paid. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void decide(UUID id, List<Opening> openings) {
        Verification v = verifications.lock(id);
        Instant now = clock.instant();
        if (v.overdue(now)) {
            timeOut(v, now);
            return;
        }
        if (v.status() != VerificationStatus.CHALLENGED) {
            return;
        }
        long started = System.nanoTime();
        Verdict verdict = synthetic.check(v, openings);
        long micros = (System.nanoTime() - started) / 1000;
        decided(v, new VerifierVerdict(verdict.accepted(), verdict.reason(), verdict.rowsChecked(), verdict.entriesChecked(), micros));
    }

    /**
     * Records the verdict a verifier reached alone (inference: re-execution, done by the caller outside any
     * transaction), unless the result was decided meanwhile; then the same tails as openings: accepted waits for its
     * signature, rejected is not paid and its job goes back to the queue.
     */
    public void record(UUID id, VerifierVerdict verdict) {
        Verification v = verifications.lock(id);
        if (v.status() != VerificationStatus.CHALLENGED) {
            return;
        }
        JobSnapshot job = completion.job(JobId.of(v.jobId()));
        if (!job.awaitingVerdict()) { // closed meanwhile (cancelled, failed, or settled by an earlier result)
            if (v.abandon("the job is " + job.status() + " before its verdict", clock.instant())) {
                LOG.warning(() -> "job " + v.jobId() + " abandoned: it is " + job.status() + " before its verdict");
            }
            return;
        }
        decided(v, verdict);
    }

    private void decided(Verification v, VerifierVerdict verdict) {
        if (verdict.accepted()) {
            v.decide(true, verdict.reason(), verdict.itemsChecked(), verdict.entriesChecked(), verdict.micros(), clock.instant());
            LOG.info(() -> "job " + v.jobId() + " verified in " + verdict.micros() + " µs: " + verdict.reason());
            afterCommit.run(() -> workers.send(WorkerId.of(v.workerId()), Messages.update(v, JobUpdate.VERIFIED, verdict.reason())));
        } else {
            reject(v, verdict);
        }
    }

    /** No complete answer before respond_by. */
    public void timeOut(UUID id) {
        Verification v = verifications.lock(id);
        timeOut(v, clock.instant());
    }

    /**
     * Asks the worker to sign its accepted result with {@code nonce} (the node's pending nonce for its address), unless
     * the job closed meanwhile. The worker holds no other nonce request: the caller asks one result per worker at a time.
     */
    public void askSignature(UUID id, BigInteger nonce, BigInteger gasPrice) {
        Verification v = verifications.lock(id);
        JobSnapshot job = completion.job(JobId.of(v.jobId()));
        if (!job.awaitingVerdict()) {
            if (v.abandon("the job is " + job.status() + " (its task closed) before settlement",
                    clock.instant())) {
                afterCommit.run(() -> workers.send(WorkerId.of(v.workerId()), Messages.update(v, JobUpdate.REJECTED, v.relayProblem())));
            }
            return;
        }
        if (v.askSignature(nonce, clock.instant())) {
            WireMessage message = Messages.signRequest(v, gasPrice);
            afterCommit.run(() -> workers.send(WorkerId.of(v.workerId()), message));
        }
    }

    /** Not signed in time: asked again later, with the nonce read afresh. */
    public void signatureOverdue(UUID id) {
        Verification v = verifications.lock(id);
        if (v.signatureOverdue(clock.instant(), settings.signTime())) {
            v.retrySignature("not signed within " + settings.signTime(), clock.instant());
        }
    }

    public void relayed(UUID id, long height) {
        verifications.lock(id).relayed(height, clock.instant());
    }

    /** The transaction will never land: a fresh signature later, with the node's nonce then. */
    public void retrySignature(UUID id, String problem) {
        Verification v = verifications.lock(id);
        if (v.retrySignature(problem, clock.instant())) {
            LOG.warning(() -> "job " + v.jobId() + ": SUBMIT_RESULT not settled, asking the worker to sign again: " + problem);
            afterCommit.run(() -> workers.send(WorkerId.of(v.workerId()), new JobUpdate(v.jobId(), "relay-failed", problem, null, null)));
        }
    }

    /** Found in a block that commits it: the job is settled in the ledger in the same transaction. */
    public void settle(UUID id, ResultChain.Committed committed) {
        Verification v = verifications.lock(id);
        if (!v.settled(committed.height(), committed.blockHash(), clock.instant())) {
            return;
        }
        boolean paid = completion.accepted(JobId.of(v.jobId()));
        String detail = paid ? "SUBMIT_RESULT in block " + committed.height() + "; reward credited"
                : "SUBMIT_RESULT in block " + committed.height() + ", but the task closed first: not paid";
        LOG.info(() -> "job " + v.jobId() + ": " + detail + " (" + v.txHash() + ")");
        afterCommit.run(() -> workers.send(WorkerId.of(v.workerId()), Messages.update(v, paid ? JobUpdate.SETTLED : JobUpdate.REJECTED, detail)));
    }

    public void abandon(UUID id, String reason) {
        Verification v = verifications.lock(id);
        if (v.abandon(reason, clock.instant())) {
            LOG.warning(() -> "job " + v.jobId() + " abandoned: " + reason);
        }
    }

    private void timeOut(Verification v, Instant now) {
        if (v.timeOut(now)) {
            rejected(v, v.verdict(), v.verdict());
        }
    }

    private void reject(Verification v, VerifierVerdict verdict) {
        if (v.decide(false, verdict.reason(), verdict.itemsChecked(), verdict.entriesChecked(), verdict.micros(), clock.instant())) {
            rejected(v, "verification failed: " + verdict.reason(), verdict.reason());
            LOG.info(() -> "job " + v.jobId() + " rejected: " + verdict.reason());
        }
    }

    /**
     * A result just recorded REJECTED: its job is not paid and goes back to the queue (or dies), and the worker is
     * told after commit. Rows still arriving for it are no longer wanted.
     */
    private void rejected(Verification v, String settlementReason, String workerDetail) {
        inbox.drop(v.jobId());
        completion.rejected(JobId.of(v.jobId()), settlementReason);
        completion.retryRejected(JobId.of(v.jobId()));
        afterCommit.run(() -> workers.send(WorkerId.of(v.workerId()), Messages.update(v, JobUpdate.REJECTED, workerDetail)));
    }
}
