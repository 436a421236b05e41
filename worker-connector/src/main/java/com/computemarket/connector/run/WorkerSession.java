package com.computemarket.connector.run;

import com.computemarket.connector.cli.CliException;
import com.computemarket.connector.cli.ExitCodes;
import com.computemarket.connector.backend.Backends;
import com.computemarket.connector.backend.JobOutcome;
import com.computemarket.connector.backend.JobRunner;
import com.computemarket.workerprotocol.WireCodec;
import com.computemarket.workerprotocol.WireFormatException;
import com.computemarket.workerprotocol.WireMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The worker side of docs/protocol/worker-websocket.md: connect with the bearer token, hello, heartbeat at the
 * welcome's interval, run pushed jobs on {@code capacity} threads, send each result (again after a reconnect until it
 * is acknowledged), reconnect with backoff, and on {@link #shutdown(Duration)} stop taking jobs, let running ones
 * finish within the grace period and return the rest.
 */
public final class WorkerSession {

    /** What the session is configured with. */
    public record Settings(URI uri, String workerAddress, int capacity, List<String> challengeTypes,
                           boolean waitForServer, Duration statusInterval, Duration helloTimeout) {
    }

    enum State { QUEUED, RUNNING, DONE, RETURNED }

    /** A job this worker holds: queued or running here, or done and waiting for the server's acknowledgement. */
    static final class LocalJob {
        final WireMessage.JobAssignment job;
        final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);
        volatile long startedNanos;
        volatile Future<?> future;
        volatile WireMessage.JobResult result;
        final AtomicInteger resends = new AtomicInteger();

        LocalJob(WireMessage.JobAssignment job) {
            this.job = job;
        }
    }

    /** Results sent again after this many reconnections without an acknowledgement are given up. */
    static final int MAX_RESENDS = 3;

    private static final WireCodec CODEC = new WireCodec();

    private final Settings settings;
    private final Transport transport;
    private final Supplier<String> token;
    private final Runnable tokenRejected;
    private final Backends backends;
    private final ResultSigner signer;
    private final Terminal terminal;
    private final Backoff backoff;
    private final ScheduledExecutorService timers;
    private final ThreadPoolExecutor executor;
    private final Map<UUID, LocalJob> jobs = new ConcurrentHashMap<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Attempt> current = new AtomicReference<>();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong returned = new AtomicLong();
    private volatile boolean stopping;

    public WorkerSession(Settings settings, Transport transport, Supplier<String> token, Runnable tokenRejected,
                         Backends backends, Terminal terminal, Backoff backoff) {
        this(settings, transport, token, tokenRejected, backends, terminal, backoff, null);
    }

    /** @param signer signs accepted results for the L1; null: this session refuses to sign (tests of other parts) */
    public WorkerSession(Settings settings, Transport transport, Supplier<String> token, Runnable tokenRejected,
                         Backends backends, Terminal terminal, Backoff backoff, ResultSigner signer) {
        this.settings = settings;
        this.signer = signer;
        this.transport = transport;
        this.token = token;
        this.tokenRejected = tokenRejected;
        this.backends = backends;
        this.terminal = terminal;
        this.backoff = backoff;
        this.timers = Executors.newScheduledThreadPool(1, daemon("cm-timers"));
        int slots = settings.capacity();
        // bounded: the server pushes at most one job per free slot; a queue of `capacity` absorbs re-pushes in flight
        this.executor = new ThreadPoolExecutor(slots, slots, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(slots),
                daemon("cm-job"), new ThreadPoolExecutor.AbortPolicy());
    }

    /** One connection attempt: its socket, the welcome it waits for, and how it ended. */
    private final class Attempt implements Transport.Listener {
        final CompletableFuture<WireMessage.Welcome> welcome = new CompletableFuture<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        volatile Transport.Connection connection;

        @Override
        public void onText(String text) {
            WireMessage message;
            try {
                message = CODEC.decode(text);
            } catch (WireFormatException e) {
                terminal.line("ignored a frame from the server: " + e.getMessage());
                return;
            }
            if (message instanceof WireMessage.Welcome w) {
                welcome.complete(w);
            } else if (message instanceof WireMessage.ErrorMessage error && !welcome.isDone()) {
                welcome.completeExceptionally(new HelloRefused(error));
            } else {
                handle(this, message);
            }
        }

        @Override
        public void onClosed(int status, String reason) {
            String why = "closed by the server (" + status + (reason == null || reason.isBlank() ? "" : " " + reason) + ")";
            welcome.completeExceptionally(new IllegalStateException(why));
            closed.complete(why);
        }

        @Override
        public void onError(Throwable error) {
            String why = "connection lost (" + com.computemarket.connector.net.Http.reason(error) + ")";
            welcome.completeExceptionally(new IllegalStateException(why));
            closed.complete(why);
        }

        void send(WireMessage message) {
            Transport.Connection c = connection;
            if (c != null && !closed.isDone()) {
                c.send(CODEC.encode(message)).exceptionally(e -> null);
            }
        }
    }

    static final class HelloRefused extends RuntimeException {
        final WireMessage.ErrorMessage error;

        HelloRefused(WireMessage.ErrorMessage error) {
            super(error.code() + (error.detail() == null ? "" : ": " + error.detail()));
            this.error = error;
        }
    }

    /**
     * Connects and serves until {@link #shutdown(Duration)} or a fatal refusal. Returns normally after a shutdown;
     * throws {@link CliException} when the server refuses this worker or cannot be reached at the start.
     */
    public void run() {
        ScheduledFuture<?> status = timers.scheduleAtFixedRate(this::statusLine, settings.statusInterval().toMillis(),
                settings.statusInterval().toMillis(), TimeUnit.MILLISECONDS);
        int failures = 0;
        boolean everWelcomed = false;
        boolean retriedToken = false;
        try {
            while (!stopping) {
                Attempt attempt = new Attempt();
                ScheduledFuture<?> heartbeat = null;
                String lost;
                try {
                    String bearer = token.get();
                    attempt.connection = transport.connect(settings.uri(), bearer, attempt);
                    current.set(attempt);
                    attempt.send(new WireMessage.Hello(settings.workerAddress(), settings.capacity(), settings.challengeTypes()));
                    WireMessage.Welcome welcome = attempt.welcome.get(settings.helloTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    everWelcomed = true;
                    retriedToken = false;
                    failures = 0;
                    long every = welcome.heartbeatIntervalMs() > 0 ? welcome.heartbeatIntervalMs() : 10_000;
                    terminal.line("connected to " + settings.uri() + " as worker " + welcome.workerId() + " ("
                            + settings.workerAddress() + "), " + settings.capacity() + " slot" + (settings.capacity() == 1 ? "" : "s")
                            + ", heartbeat every " + seconds(every));
                    heartbeat = timers.scheduleAtFixedRate(() -> attempt.send(new WireMessage.Heartbeat()), every, every,
                            TimeUnit.MILLISECONDS);
                    resendResults(attempt);
                    lost = awaitClosedOrStop(attempt);
                } catch (Transport.ConnectFailure f) {
                    if (f.status() == 401 && !retriedToken) {
                        retriedToken = true;
                        tokenRejected.run();
                        continue;
                    }
                    if (f.status() == 401 || f.status() == 403) {
                        throw new CliException(ExitCodes.REFUSED, "the marketplace refused the worker socket (" + f.status() + "): "
                                + (f.status() == 401 ? "the login was not accepted; run `worker-connector login`"
                                : "the login has no worker role"));
                    }
                    lost = "cannot connect to " + settings.uri() + ": " + f.getMessage();
                    if (!everWelcomed && !settings.waitForServer()) {
                        throw new CliException(f.status() == 0 ? ExitCodes.UNREACHABLE : ExitCodes.REFUSED,
                                lost + (f.status() == 0 ? " (--wait-for-server retries)" : ""), f);
                    }
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof HelloRefused refused && !"try-again".equals(refused.error.code())) {
                        attempt.connection.close("hello refused");
                        throw new CliException(ExitCodes.REFUSED, "the marketplace refused this worker: " + refused.getMessage());
                    }
                    attempt.connection.close("no welcome");
                    lost = "hello not answered: " + e.getCause().getMessage();
                } catch (TimeoutException e) {
                    attempt.connection.close("no welcome");
                    lost = "no welcome within " + seconds(settings.helloTimeout().toMillis());
                } catch (CliException e) {
                    // the login: Keycloak down is worth waiting for once we have served; a refusal is not
                    if (e.exitCode() != ExitCodes.UNREACHABLE || (!everWelcomed && !settings.waitForServer())) {
                        throw e;
                    }
                    lost = e.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } finally {
                    if (heartbeat != null) {
                        heartbeat.cancel(false);
                    }
                }
                if (stopping) {
                    Transport.Connection late = attempt.connection;
                    if (late != null && current.get() != attempt) {
                        late.close("worker shutting down"); // opened while the shutdown ran
                    }
                    break;
                }
                Duration delay = backoff.delay(failures++);
                terminal.line(lost + "; reconnecting in " + seconds(delay.toMillis()));
                if (stopRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CliException e) {
            abandon();
            throw e;
        } finally {
            status.cancel(false);
        }
    }

    private String awaitClosedOrStop(Attempt attempt) throws InterruptedException {
        while (true) {
            try {
                return attempt.closed.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (stopping) {
                    stopped.await();
                    return "stopped";
                }
            } catch (ExecutionException e) {
                return "connection lost";
            }
        }
    }

    private void handle(Attempt attempt, WireMessage message) {
        if (message instanceof WireMessage.JobAssignment job) {
            accept(attempt, job);
        } else if (message instanceof WireMessage.ResultAck ack) {
            LocalJob local = jobs.get(ack.jobId());
            if (local != null && (local.state.get() == State.DONE || local.state.get() == State.RETURNED)) {
                jobs.remove(ack.jobId());
            }
            terminal.detail("job " + shortId(ack.jobId()) + " " + ack.outcome());
            if (WireMessage.ResultAck.DUPLICATE.equals(ack.outcome())) {
                terminal.line("job " + shortId(ack.jobId()) + " result was already taken (duplicate)");
            }
        } else if (message instanceof WireMessage.ErrorMessage error) {
            terminal.line("server error " + error.code() + (error.detail() == null ? "" : ": " + error.detail()));
        } else if (message instanceof WireMessage.ChallengeRows challenge) {
            // off the receiving thread: opening recomputes rows
            java.util.concurrent.CompletableFuture.runAsync(() -> answer(attempt, challenge));
        } else if (message instanceof WireMessage.SignRequest request) {
            sign(attempt, request);
        } else if (message instanceof WireMessage.JobUpdate update) {
            terminal.line("job " + shortId(update.jobId()) + " " + update.status()
                    + (update.detail().isEmpty() ? "" : ": " + update.detail())
                    + (update.txHash() == null ? "" : " (tx " + update.txHash()
                    + (update.blockHeight() == null ? "" : ", block " + update.blockHeight()) + ")"));
        } else {
            terminal.detail("ignored unexpected " + message.getClass().getSimpleName());
        }
    }

    /** Opens the challenged rows of a result computed here, one {@code opening} frame per row. */
    void answer(Attempt attempt, WireMessage.ChallengeRows challenge) {
        var openings = backends.runner(challenge.challengeType()).open(challenge.jobId(), challenge.leafIndices());
        if (openings.isEmpty()) {
            terminal.line("job " + shortId(challenge.jobId()) + " challenged, but its result is not held here; not answered");
            return;
        }
        for (var opening : openings.get()) {
            attempt.send(new WireMessage.RowOpening(challenge.jobId(), opening.leafIndex(), opening.valuesBase64(), opening.pathHex()));
        }
        terminal.line("job " + shortId(challenge.jobId()) + " challenged: " + openings.get().size() + " rows opened");
    }

    /**
     * Signs the SUBMIT_RESULT of a result the verifier accepted, with the nonce the server read from the node; only a
     * result this worker committed to itself (same job, same result_hash) is signed.
     */
    void sign(Attempt attempt, WireMessage.SignRequest request) {
        String id = shortId(request.jobId());
        if (signer == null) {
            terminal.line("job " + id + ": asked to sign, but this session holds no key; not signed");
            return;
        }
        boolean ours = settings.challengeTypes().stream()
                .map(type -> backends.runner(type).committedResult(request.jobId()))
                .flatMap(java.util.Optional::stream)
                .anyMatch(request.resultHash()::equals);
        if (!ours) {
            terminal.line("job " + id + ": asked to sign result " + request.resultHash() + ", which is not one this worker "
                    + "committed to; not signed");
            return;
        }
        var tx = signer.submitResult(request.taskId(), request.resultHash(), request.proof(),
                java.math.BigInteger.valueOf(request.resultNonce()), java.math.BigInteger.valueOf(request.txNonce()),
                java.math.BigInteger.valueOf(request.gasPrice()));
        attempt.send(new WireMessage.SignedResult(request.jobId(), tx.toJson()));
        terminal.line("job " + id + " verified; signed SUBMIT_RESULT " + tx.hash() + " (nonce " + request.txNonce() + ")");
    }

    private void accept(Attempt attempt, WireMessage.JobAssignment job) {
        LocalJob known = jobs.get(job.jobId());
        if (known != null) {
            State s = known.state.get();
            if (s == State.DONE && known.result != null) {
                attempt.send(known.result); // pushed again after a reconnect: the result is idempotent
            } else {
                terminal.detail("job " + shortId(job.jobId()) + " pushed again; it is " + s.name().toLowerCase(Locale.ROOT) + " here");
            }
            return;
        }
        if (stopping) {
            attempt.send(new WireMessage.ReturnJob(job.jobId()));
            terminal.line("job " + shortId(job.jobId()) + " returned: shutting down");
            return;
        }
        LocalJob local = new LocalJob(job);
        jobs.put(job.jobId(), local);
        terminal.line("job " + shortId(job.jobId()) + " received (" + job.challengeType() + ", task " + shortId(job.taskId()) + ")");
        try {
            local.future = executor.submit(() -> execute(local));
        } catch (RejectedExecutionException e) {
            giveBack(local, stopping ? "shutting down" : "no free slot");
        }
    }

    private void execute(LocalJob local) {
        if (!local.state.compareAndSet(State.QUEUED, State.RUNNING)) {
            return;
        }
        local.startedNanos = System.nanoTime();
        UUID id = local.job.jobId();
        terminal.line("job " + shortId(id) + " started");
        JobRunner runner = backends.runner(local.job.challengeType());
        JobOutcome outcome;
        try {
            outcome = runner.run(local.job, (fraction, stage) -> terminal.detail(String.format(Locale.ROOT,
                    "job %s %3.0f%% %s", shortId(id), fraction * 100, stage)));
        } catch (InterruptedException e) {
            outcome = new JobOutcome.Returned("stopped");
        } catch (RuntimeException e) {
            outcome = new JobOutcome.Returned("the backend failed: " + e);
        }
        if (outcome instanceof JobOutcome.Completed done) {
            WireMessage.JobResult result = new WireMessage.JobResult(id, settings.workerAddress(), done.resultHash(), done.proof());
            local.result = result;
            if (local.state.compareAndSet(State.RUNNING, State.DONE)) {
                completed.incrementAndGet();
                terminal.line("job " + shortId(id) + " done in " + seconds((System.nanoTime() - local.startedNanos) / 1_000_000)
                        + ", result " + abbreviate(done.resultHash()));
                send(result);
            }
        } else if (outcome instanceof JobOutcome.Returned r) {
            if (local.state.get() == State.RUNNING) {
                giveBack(local, r.reason());
            }
        }
    }

    /** return_job for a job this worker holds but will not finish; at most once per job. */
    private void giveBack(LocalJob local, String reason) {
        State before = local.state.getAndSet(State.RETURNED);
        if (before == State.RETURNED || before == State.DONE) {
            local.state.set(before);
            return;
        }
        returned.incrementAndGet();
        send(new WireMessage.ReturnJob(local.job.jobId()));
        jobs.remove(local.job.jobId());
        terminal.line("job " + shortId(local.job.jobId()) + " returned: " + reason);
    }

    private void send(WireMessage message) {
        Attempt a = current.get();
        if (a != null) {
            a.send(message);
        }
    }

    private void resendResults(Attempt attempt) {
        for (LocalJob local : List.copyOf(jobs.values())) {
            if (local.state.get() == State.DONE && local.result != null) {
                if (local.resends.incrementAndGet() > MAX_RESENDS) {
                    jobs.remove(local.job.jobId());
                    terminal.line("job " + shortId(local.job.jobId()) + " result never acknowledged; given up");
                } else {
                    attempt.send(local.result);
                }
            }
        }
    }

    /**
     * Stops taking jobs, returns the queued ones at once, waits up to {@code grace} for running ones, returns those
     * still running, then closes the socket. Safe to call more than once and from a shutdown hook; blocks until done.
     */
    public void shutdown(Duration grace) {
        synchronized (this) {
            if (stopping) {
                awaitStopped();
                return;
            }
            stopping = true;
        }
        stopRequested.countDown();
        try {
            List<LocalJob> queued = new ArrayList<>();
            long running = 0;
            for (LocalJob j : jobs.values()) {
                if (j.state.get() == State.QUEUED) {
                    queued.add(j);
                } else if (j.state.get() == State.RUNNING) {
                    running++;
                }
            }
            terminal.line("stopping: no new jobs" + (running == 0 ? "" : "; waiting up to " + seconds(grace.toMillis())
                    + " for " + running + " running job" + (running == 1 ? "" : "s")));
            for (LocalJob j : queued) {
                giveBack(j, "shutting down before it started");
            }
            executor.shutdown();
            try {
                if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    for (LocalJob j : List.copyOf(jobs.values())) {
                        if (j.state.get() == State.RUNNING) {
                            giveBack(j, "not finished within the grace period");
                            Future<?> f = j.future;
                            if (f != null) {
                                f.cancel(true);
                            }
                        }
                    }
                    executor.shutdownNow();
                    executor.awaitTermination(2, TimeUnit.SECONDS);
                }
                awaitAcks(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Attempt a = current.get();
            if (a != null && a.connection != null) {
                a.connection.close("worker shutting down");
            }
            terminal.line("stopped: " + completed.get() + " done, " + returned.get() + " returned");
        } finally {
            timers.shutdownNow();
            stopped.countDown();
        }
    }

    /** After a fatal refusal: nothing more will be sent; running jobs are abandoned (their leases expire). */
    private void abandon() {
        stopping = true;
        stopRequested.countDown();
        executor.shutdownNow();
        timers.shutdownNow();
        stopped.countDown();
    }

    private void awaitAcks(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline && jobs.values().stream().anyMatch(j -> j.state.get() == State.DONE)) {
            Thread.sleep(50);
        }
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void statusLine() {
        long running = jobs.values().stream().filter(j -> j.state.get() == State.RUNNING).count();
        long waiting = jobs.values().stream().filter(j -> j.state.get() == State.DONE).count();
        Attempt a = current.get();
        boolean connected = a != null && a.welcome.isDone() && !a.welcome.isCompletedExceptionally() && !a.closed.isDone();
        terminal.line("status: " + (connected ? "connected" : "not connected") + ", busy " + running + "/" + settings.capacity()
                + ", " + completed.get() + " done, " + returned.get() + " returned" + (waiting == 0 ? "" : ", " + waiting + " awaiting ack"));
    }

    /** For tests: the jobs this worker holds, by state. */
    Map<UUID, State> snapshot() {
        Map<UUID, State> out = new java.util.TreeMap<>();
        jobs.forEach((id, j) -> out.put(id, j.state.get()));
        return out;
    }

    static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }

    static String seconds(long millis) {
        return millis < 10_000 ? String.format(Locale.ROOT, "%.2f s", millis / 1000.0) : (millis / 1000) + " s";
    }

    private static String abbreviate(String hash) {
        return hash.length() <= 16 ? hash : hash.substring(0, 16) + "…";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
