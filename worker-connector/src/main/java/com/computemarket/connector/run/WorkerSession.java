package com.computemarket.connector.run;

import com.computemarket.connector.backend.Backends;
import com.computemarket.connector.cli.CliException;
import com.computemarket.connector.run.LocalJob.State;
import com.computemarket.workerprotocol.WireMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The worker side of docs/protocol/worker-websocket.md, as a coordinator of three parts: the {@link ReconnectLoop}
 * (connect with the bearer token, hello, heartbeat, reconnect with backoff), the {@link JobSlots} (run pushed jobs on
 * {@code capacity} threads, send each result until acknowledged) and the {@link VerifierConversation} (challenges,
 * sign requests, job updates). On {@link #shutdown(Duration)} it stops taking jobs, lets running ones finish within the
 * grace period and returns the rest.
 */
public final class WorkerSession {

    /** What the session is configured with. */
    public record Settings(URI uri, String workerAddress, int capacity, List<String> challengeTypes,
                           boolean waitForServer, Duration statusInterval, Duration helloTimeout, List<String> models) {
        /** {@code models}: the catalogue model ids announced in hello (none: synthetic work only). */
        public Settings {
            models = models == null ? List.of() : List.copyOf(models);
        }

        /** Holding no catalogue model. */
        public Settings(URI uri, String workerAddress, int capacity, List<String> challengeTypes,
                        boolean waitForServer, Duration statusInterval, Duration helloTimeout) {
            this(uri, workerAddress, capacity, challengeTypes, waitForServer, statusInterval, helloTimeout, List.of());
        }
    }

    private final Settings settings;
    private final Terminal terminal;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, DaemonThreads.named("cm-timers"));
    private final Lifecycle lifecycle = new Lifecycle();
    private final ReconnectLoop connection;
    private final JobSlots slots;
    private final VerifierConversation verifier;

    public WorkerSession(Settings settings, Transport transport, Supplier<String> token, Runnable tokenRejected,
                         Backends backends, Terminal terminal, Backoff backoff) {
        this(settings, transport, token, tokenRejected, backends, terminal, backoff, null);
    }

    /** @param signer signs accepted results for the L1; null: this session refuses to sign (tests of other parts) */
    public WorkerSession(Settings settings, Transport transport, Supplier<String> token, Runnable tokenRejected,
                         Backends backends, Terminal terminal, Backoff backoff, ResultSigner signer) {
        this.settings = settings;
        this.terminal = terminal;
        this.connection = new ReconnectLoop(settings, transport, token, tokenRejected, terminal, backoff, timers, lifecycle,
                this::handle, this::welcomed);
        this.slots = new JobSlots(settings.workerAddress(), settings.capacity(), backends, terminal, lifecycle, connection);
        this.verifier = new VerifierConversation(settings.challengeTypes(), backends, signer, terminal);
    }

    /** After each welcome: the results the server has not acknowledged yet go again. */
    private void welcomed(Outbox to) {
        slots.resendResults(to);
    }

    /**
     * Connects and serves until {@link #shutdown(Duration)} or a fatal refusal. Returns normally after a shutdown;
     * throws {@link CliException} when the server refuses this worker or cannot be reached at the start.
     */
    public void run() {
        long every = settings.statusInterval().toMillis();
        ScheduledFuture<?> status = timers.scheduleAtFixedRate(this::statusLine, every, every, TimeUnit.MILLISECONDS);
        try {
            connection.serve();
            lifecycle.awaitStopped();
        } catch (CliException e) {
            abandon();
            throw e;
        } finally {
            status.cancel(false);
        }
    }

    /** A frame from the server, other than the welcome, on the attempt it came on. */
    private void handle(Attempt from, WireMessage message) {
        if (message instanceof WireMessage.JobAssignment job) {
            slots.accept(from, job);
        } else if (message instanceof WireMessage.ResultAck ack) {
            slots.acknowledged(ack);
        } else if (message instanceof WireMessage.ErrorMessage error) {
            terminal.line("server error " + error.code() + (error.detail() == null ? "" : ": " + error.detail()));
        } else if (message instanceof WireMessage.ChallengeRows challenge) {
            verifier.challenged(from, challenge);
        } else if (message instanceof WireMessage.SignRequest request) {
            verifier.sign(from, request);
        } else if (message instanceof WireMessage.JobUpdate update) {
            verifier.updated(update);
        } else {
            terminal.detail("ignored unexpected " + message.getClass().getSimpleName());
        }
    }

    /**
     * Stops taking jobs, returns the queued ones at once, waits up to {@code grace} for running ones, returns those
     * still running, then closes the socket. Safe to call more than once and from a shutdown hook; blocks until done.
     */
    public void shutdown(Duration grace) {
        if (!lifecycle.requestStop()) {
            lifecycle.awaitStopped();
            return;
        }
        try {
            slots.drain(grace);
            connection.close("worker shutting down");
            terminal.line("stopped: " + slots.completed() + " done, " + slots.returned() + " returned");
        } finally {
            timers.shutdownNow();
            lifecycle.markStopped();
        }
    }

    /** After a fatal refusal: nothing more will be sent; running jobs are abandoned (their leases expire). */
    private void abandon() {
        lifecycle.requestStop();
        slots.abandon();
        timers.shutdownNow();
        lifecycle.markStopped();
    }

    private void statusLine() {
        long waiting = slots.count(State.DONE);
        terminal.line("status: " + (connection.connected() ? "connected" : "not connected") + ", busy "
                + slots.count(State.RUNNING) + "/" + settings.capacity() + ", " + slots.completed() + " done, "
                + slots.returned() + " returned" + (waiting == 0 ? "" : ", " + waiting + " awaiting ack"));
    }

    /** For tests: the jobs this worker holds, by state. */
    Map<UUID, State> snapshot() {
        return slots.snapshot();
    }
}
