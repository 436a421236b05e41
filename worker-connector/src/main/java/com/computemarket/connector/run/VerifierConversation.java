package com.computemarket.connector.run;

import static com.computemarket.connector.run.Terminal.shortId;

import com.computemarket.connector.backend.Backends;
import com.computemarket.workerprotocol.WireMessage;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The worker's side of verification (docs/protocol/synthetic-challenge.md §9a): a challenge is answered with openings
 * of the challenged rows, a sign request for a result this worker committed to with a signed SUBMIT_RESULT, and the
 * verdict and settlement updates are shown. The runner of the challenge type holds what is opened and signed.
 */
final class VerifierConversation {

    private final List<String> challengeTypes;
    private final Backends backends;
    private final ResultSigner signer;
    private final Terminal terminal;

    /** @param signer signs accepted results for the L1; null: sign requests are refused (tests of other parts) */
    VerifierConversation(List<String> challengeTypes, Backends backends, ResultSigner signer, Terminal terminal) {
        this.challengeTypes = challengeTypes;
        this.backends = backends;
        this.signer = signer;
        this.terminal = terminal;
    }

    /** Answers on another thread: opening recomputes rows, the receiving thread must not wait for it. */
    void challenged(Outbox reply, WireMessage.ChallengeRows challenge) {
        CompletableFuture.runAsync(() -> answer(reply, challenge));
    }

    /** Opens the challenged rows of a result computed here, one {@code opening} frame per row. */
    void answer(Outbox reply, WireMessage.ChallengeRows challenge) {
        var openings = backends.runner(challenge.challengeType()).open(challenge.jobId(), challenge.leafIndices());
        if (openings.isEmpty()) {
            terminal.line("job " + shortId(challenge.jobId()) + " challenged, but its result is not held here; not answered");
            return;
        }
        for (var opening : openings.get()) {
            reply.send(new WireMessage.RowOpening(challenge.jobId(), opening.leafIndex(), opening.valuesBase64(), opening.pathHex()));
        }
        terminal.line("job " + shortId(challenge.jobId()) + " challenged: " + openings.get().size() + " rows opened");
    }

    /**
     * Signs the SUBMIT_RESULT of a result the verifier accepted, with the nonce the server read from the node; only a
     * result this worker committed to itself (same job, same result_hash) is signed.
     */
    void sign(Outbox reply, WireMessage.SignRequest request) {
        String id = shortId(request.jobId());
        if (signer == null) {
            terminal.line("job " + id + ": asked to sign, but this session holds no key; not signed");
            return;
        }
        if (!committedHere(request)) {
            terminal.line("job " + id + ": asked to sign result " + request.resultHash() + ", which is not one this worker "
                    + "committed to; not signed");
            return;
        }
        var tx = signer.submitResult(request.taskId(), request.resultHash(), request.proof(),
                BigInteger.valueOf(request.resultNonce()), BigInteger.valueOf(request.txNonce()),
                BigInteger.valueOf(request.gasPrice()));
        reply.send(new WireMessage.SignedResult(request.jobId(), tx.toJson()));
        terminal.line("job " + id + " verified; signed SUBMIT_RESULT " + tx.hash() + " (nonce " + request.txNonce() + ")");
    }

    private boolean committedHere(WireMessage.SignRequest request) {
        return challengeTypes.stream()
                .map(type -> backends.runner(type).committedResult(request.jobId()))
                .flatMap(Optional::stream)
                .anyMatch(request.resultHash()::equals);
    }

    /** A verdict or settlement: one line, with the transaction and block when there are. */
    void updated(WireMessage.JobUpdate update) {
        terminal.line("job " + shortId(update.jobId()) + " " + update.status()
                + (update.detail().isEmpty() ? "" : ": " + update.detail())
                + (update.txHash() == null ? "" : " (tx " + update.txHash()
                + (update.blockHeight() == null ? "" : ", block " + update.blockHeight()) + ")"));
    }
}
