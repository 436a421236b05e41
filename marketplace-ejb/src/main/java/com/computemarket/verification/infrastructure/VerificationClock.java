package com.computemarket.verification.infrastructure;

import com.computemarket.verification.application.ResultChain;
import com.computemarket.verification.application.ResultVerification;
import com.computemarket.verification.application.ResultVerifiers;
import com.computemarket.verification.application.VerifierVerdict;
import com.computemarket.verification.application.VerificationSettings;
import com.computemarket.verification.application.VerificationSteps;
import com.computemarket.verification.domain.Verification;
import com.computemarket.verification.domain.VerificationStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves verifications along on a timer (cm.verification.poll): challenges on the block after each commitment,
 * rejects answers that are overdue, asks each worker for one signature at a time (its L1 nonce read afresh, so a
 * result never signed or never relayed leaves no gap), relays signed results, and settles them once a block commits
 * them. Talks to the L1 outside any transaction; each recorded step is its own. In a cluster run it as a singleton.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VerificationClock {

    private static final Logger LOG = Logger.getLogger(VerificationClock.class.getName());
    private static final int BATCH = 200;

    @Resource TimerService timers;
    @Inject VerificationSteps steps;
    @Inject ResultChain chain;
    @Inject VerificationSettings settings;
    @Inject Clock clock;
    @Inject ResultVerification verification;
    @Inject ResultVerifiers verifiers;

    private String failing;
    private final Set<java.util.UUID> undecidable = new HashSet<>();
    private Instant lastSweep = Instant.EPOCH;

    @PostConstruct
    void start() {
        next();
    }

    /** One timer at a time, set again after each pass: a slow pass delays the next instead of overlapping it. */
    private void next() {
        timers.createSingleActionTimer(settings.poll().toMillis(), new TimerConfig("verification-clock", false));
    }

    @Timeout
    void tick() {
        try {
            pass();
            if (failing != null) {
                LOG.info("verification clock running again");
                failing = null;
            }
        } catch (RuntimeException e) {
            String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!problem.equals(failing)) {
                LOG.log(Level.WARNING, "verification clock pass failed; retrying every " + settings.poll(), e);
                failing = problem;
            }
        } finally {
            next();
        }
    }

    void pass() {
        Instant now = clock.instant();
        sweepLostResults(now);
        challengeNewCommitments();
        for (Verification v : steps.inStatus(VerificationStatus.CHALLENGED, BATCH)) {
            if (v.overdue(now)) {
                steps.timeOut(v.id());
            } else if (v.respondBy() == null) {
                verifyInPlatform(v); // nobody to wait for: the platform checks it now
            }
        }
        for (Verification v : steps.inStatus(VerificationStatus.SIGNING, BATCH)) {
            if (v.signatureOverdue(now, settings.signTime())) {
                steps.signatureOverdue(v.id());
            }
        }
        askForSignatures(now);
        for (Verification v : steps.inStatus(VerificationStatus.SIGNED, BATCH)) {
            relay(v);
        }
        confirmRelayed(now);
    }

    private void challengeNewCommitments() {
        var waiting = steps.inStatus(VerificationStatus.AWAITING_BLOCK, BATCH);
        if (waiting.isEmpty()) {
            return;
        }
        long head = chain.head();
        Map<Long, Optional<String>> hashes = new HashMap<>(); // many commitments share a head: one read per block
        for (Verification v : waiting) {
            if (v.commitHeight() == null) {
                steps.headKnown(v.id(), head); // it arrived while the L1 was unreachable
                continue;
            }
            long height = v.commitHeight() + 1;
            if (height <= head) {
                hashes.computeIfAbsent(height, chain::blockHash).ifPresent(hash -> steps.challenge(v.id(), height, hash));
            }
        }
    }

    /**
     * A challenged result the platform verifies alone (inference: re-execution, seconds of CPU): here, outside any
     * transaction, so no row lock is held meanwhile; the verdict is then recorded in its own step. When it cannot be
     * decided now (model files or engine missing), it is tried again next pass: that is no fault of the worker's.
     */
    private void verifyInPlatform(Verification v) {
        VerifierVerdict verdict;
        try {
            verdict = verifiers.require(v.challengeType()).verify(v);
        } catch (RuntimeException e) {
            if (undecidable.add(v.id())) {
                LOG.log(Level.WARNING, "job " + v.jobId() + " (" + v.challengeType() + "): cannot verify now, trying again"
                        + " every " + settings.poll(), e);
            }
            return;
        }
        undecidable.remove(v.id());
        try {
            steps.record(v.id(), verdict);
        } catch (RuntimeException e) { // one result that cannot be recorded must not hold up the others in this pass
            LOG.log(Level.WARNING, "job " + v.jobId() + ": its verdict could not be recorded; trying again next pass", e);
        }
    }

    /**
     * Once a minute: results taken more than a minute ago without a verification (their message was lost or
     * dead-lettered) start one now, so that no submitted job waits forever.
     */
    private void sweepLostResults(Instant now) {
        if (lastSweep.plusSeconds(60).isAfter(now)) {
            return;
        }
        lastSweep = now;
        for (java.util.UUID jobId : steps.unverifiedResults(now.minusSeconds(60), BATCH)) {
            LOG.warning(() -> "job " + jobId + ": submitted result without a verification (lost message); starting one");
            verification.begin(jobId);
        }
    }

    /** The oldest accepted result of each worker that holds no nonce yet; one whose relay failed waits a while. */
    private void askForSignatures(Instant now) {
        Set<java.util.UUID> busy = new HashSet<>(steps.workersHoldingNonce());
        for (Verification v : steps.inStatus(VerificationStatus.ACCEPTED, BATCH)) {
            if (v.relayProblem() != null && v.updatedAt().plus(settings.rebroadcast()).isAfter(now)) {
                busy.add(v.workerId());
                continue;
            }
            if (busy.add(v.workerId())) {
                steps.askSignature(v.id(), chain.pendingNonce(v.workerAddress()), chain.gasPrice());
            }
        }
    }

    private void relay(Verification v) {
        ResultChain.Relay answer = chain.relay(v.signedTx());
        if (answer instanceof ResultChain.Relay.Sent sent) {
            steps.relayed(v.id(), sent.height());
        } else if (answer instanceof ResultChain.Relay.Refused refused) {
            refused(v, refused);
        } else {
            LOG.fine(() -> "job " + v.jobId() + ": L1 unreachable, relaying later");
        }
    }

    private void refused(Verification v, ResultChain.Relay.Refused refused) {
        switch (refused.reason()) {
            case "already_in_pool" -> steps.relayed(v.id(), chain.head());
            case "nonce_too_low" -> {
                // an earlier copy may have landed: only a block tells
                Optional<ResultChain.Committed> found = chain.findCommitted(v.txHash(), v.commitHeight());
                if (found.isPresent()) {
                    settleOrAbandon(v, found.get());
                } else {
                    steps.retrySignature(v.id(), "nonce " + v.txNonce() + " was used by another transaction of the worker");
                }
            }
            default -> steps.retrySignature(v.id(), refused.reason() + ": " + refused.detail());
        }
    }

    /** One pass over the blocks from the oldest relay for all relayed results, instead of one pass for each. */
    private void confirmRelayed(Instant now) {
        List<Verification> relayed = steps.inStatus(VerificationStatus.RELAYED, BATCH);
        if (relayed.isEmpty()) {
            return;
        }
        long from = relayed.stream().mapToLong(Verification::sentAtHeight).min().orElseThrow();
        Map<String, ResultChain.Committed> found =
                chain.findAllCommitted(relayed.stream().map(Verification::txHash).toList(), from);
        for (Verification v : relayed) {
            // only from its own relay's height on, as a lookup of its own would
            confirm(v, Optional.ofNullable(found.get(v.txHash())).filter(c -> c.height() >= v.sentAtHeight()), now);
        }
    }

    private void confirm(Verification v, Optional<ResultChain.Committed> found, Instant now) {
        if (found.isPresent()) {
            settleOrAbandon(v, found.get());
            return;
        }
        BigInteger confirmed = chain.confirmedNonce(v.workerAddress());
        // looked for again after reading the nonce: a block made between the two reads may hold this very transaction
        if (confirmed.compareTo(v.txNonce()) > 0
                && chain.findCommitted(v.txHash(), v.sentAtHeight()).isEmpty()) {
            // the nonce is spent and no block holds this transaction: it is dead, and re-signing cannot pay twice
            steps.retrySignature(v.id(), "proven dead: nonce " + v.txNonce() + " was spent by another transaction");
        } else if (v.updatedAt().plus(settings.rebroadcast()).isBefore(now)) {
            relay(v); // identical bytes again: the node may have dropped it from its pool
        }
    }

    private void settleOrAbandon(Verification v, ResultChain.Committed committed) {
        if (committed.committed()) {
            steps.settle(v.id(), committed);
        } else {
            steps.abandon(v.id(), "block " + committed.height() + " holds the SUBMIT_RESULT but its compute_root does not commit it");
        }
    }
}
