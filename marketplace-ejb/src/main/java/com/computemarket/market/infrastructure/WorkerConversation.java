package com.computemarket.market.infrastructure;

import com.computemarket.market.application.JobDispatch;
import com.computemarket.market.application.JobPush;
import com.computemarket.market.domain.SubmitOutcome;
import com.computemarket.shared.ChallengeType;
import com.computemarket.shared.DomainException;
import com.computemarket.verification.application.ResultVerification;
import com.computemarket.workerprotocol.WireCodec;
import com.computemarket.workerprotocol.WireFormatException;
import com.computemarket.workerprotocol.WireMessage;
import com.computemarket.workers.application.WorkerDirectory;
import com.computemarket.workers.application.WorkerProfile;
import jakarta.ejb.EJBException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One worker connection's side of the protocol: hello (checked against the worker directory), heartbeats, results,
 * returns, and the verifier's exchanges (row openings, signed results). Bad input is answered with an {@code error} message and the connection stays open; only a hello for a
 * worker that may not connect closes it. Not thread-safe: the container delivers one message at a time per session.
 */
public final class WorkerConversation {

    private static final Logger LOG = Logger.getLogger(WorkerConversation.class.getName());

    private final String operatorSubject;
    private final WorkerLink link;
    private final WorkerHub hub;
    private final JobDispatch dispatch;
    private final WorkerDirectory directory;
    private final ResultVerification verification;
    private final Duration leaseTtl;
    private final WireCodec codec;

    private WorkerProfile worker;
    private WorkerHub.Connection connection;

    public WorkerConversation(String operatorSubject, WorkerLink link, WorkerHub hub, JobDispatch dispatch, WorkerDirectory directory,
                       ResultVerification verification, Duration leaseTtl) {
        this.operatorSubject = operatorSubject;
        this.link = link;
        this.hub = hub;
        this.dispatch = dispatch;
        this.directory = directory;
        this.verification = verification;
        this.leaseTtl = leaseTtl;
        this.codec = hub.codec();
    }

    public void onText(String text) {
        WireMessage message;
        try {
            message = codec.decode(text);
        } catch (WireFormatException e) {
            reply(e.toErrorMessage());
            return;
        }
        try {
            if (message instanceof WireMessage.Hello hello) {
                hello(hello);
            } else if (worker == null) {
                reply(new WireMessage.ErrorMessage("hello-required", "say hello before anything else"));
            } else if (message instanceof WireMessage.Heartbeat) {
                long since = System.nanoTime();
                hub.retain(worker.id(), dispatch.heartbeat(worker.id()), since);
            } else if (message instanceof WireMessage.JobResult result) {
                result(result);
            } else if (message instanceof WireMessage.ReturnJob returned) {
                returnJob(returned);
            } else if (message instanceof WireMessage.RowOpening opening) {
                verification.receiveOpening(worker.id(), opening);
            } else if (message instanceof WireMessage.SignedResult signed) {
                verification.receiveSignature(worker.id(), signed);
            } else {
                reply(new WireMessage.ErrorMessage("unexpected-message-type", "workers do not send " + WireCodec.typeName(message) + " messages"));
            }
        } catch (DomainException e) {
            reply(new WireMessage.ErrorMessage(e.type(), e.detail()));
        } catch (EJBException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.log(Level.WARNING, "worker " + (worker == null ? "?" : worker.id()) + ": " + WireCodec.typeName(message) + " failed", cause);
            reply(new WireMessage.ErrorMessage("try-again", "the server could not process this " + WireCodec.typeName(message) + " now; send it again"));
        }
    }

    private void hello(WireMessage.Hello hello) {
        if (worker != null) {
            reply(new WireMessage.ErrorMessage("already-greeted", "this connection already speaks for " + worker.address()));
            return;
        }
        WorkerProfile profile;
        try {
            profile = directory.requireConnectable(operatorSubject, hello.workerAddress());
        } catch (DomainException e) {
            reply(new WireMessage.ErrorMessage(e.type(), e.detail()));
            link.close("worker may not connect: " + e.type());
            return;
        }
        Set<String> types = new HashSet<>(hello.challengeTypes());
        types.retainAll(profile.challengeTypes());
        if (types.isEmpty()) {
            reply(new WireMessage.ErrorMessage("no-enrolled-challenge-type", "worker " + profile.address()
                    + " is enrolled for " + profile.challengeTypes() + ", none of " + hello.challengeTypes()));
            return;
        }
        List<JobPush> stillLeased = dispatch.connected(profile.id());
        worker = profile;
        reply(new WireMessage.Welcome(profile.id(), leaseTtl.toMillis(), heartbeatInterval(leaseTtl).toMillis()));
        // models count only for inference, and only if the worker is enrolled for it and announced it
        Set<String> models = types.contains(ChallengeType.INFERENCE.wire()) ? Set.copyOf(hello.models()) : Set.of();
        connection = hub.attach(profile.id(), types, models, hello.capacity(), link, stillLeased);
        // challenges and signature requests it missed while away
        verification.pendingFor(profile.id()).forEach(this::reply);
    }

    /** A third of the lease TTL: two heartbeats may be lost before a lease runs out. */
    static Duration heartbeatInterval(Duration leaseTtl) {
        return leaseTtl.dividedBy(3);
    }

    private void result(WireMessage.JobResult result) {
        if (!worker.address().equals(result.workerAddress())) {
            reply(new WireMessage.ErrorMessage("wrong-worker-address", "this connection speaks for " + worker.address()
                    + ", not " + result.workerAddress()));
            return;
        }
        String proof = result.proof() == null ? null : codec.text(result.proof());
        SubmitOutcome outcome = result.output() == null
                ? dispatch.takeResult(worker.id(), result.jobId(), result.resultHash(), proof)
                : dispatch.takeResult(worker.id(), result.jobId(), result.resultHash(), proof, result.output());
        reply(new WireMessage.ResultAck(result.jobId(),
                outcome == SubmitOutcome.ACCEPTED ? WireMessage.ResultAck.ACCEPTED : WireMessage.ResultAck.DUPLICATE));
    }

    private void returnJob(WireMessage.ReturnJob returned) {
        if (dispatch.returnJob(worker.id(), returned.jobId())) {
            reply(new WireMessage.ResultAck(returned.jobId(), "returned"));
        } else {
            reply(new WireMessage.ErrorMessage("job-not-leased-to-worker", "job " + returned.jobId() + " is not leased to this worker"));
        }
    }

    public void closed() {
        if (connection != null) {
            hub.detach(connection);
        }
    }

    UUID workerId() {
        return worker == null ? null : worker.id();
    }

    private void reply(WireMessage message) {
        link.send(codec.encode(message));
    }
}
