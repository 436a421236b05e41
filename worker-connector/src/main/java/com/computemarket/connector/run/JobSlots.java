package com.computemarket.connector.run;

import static com.computemarket.connector.run.Terminal.abbreviate;
import static com.computemarket.connector.run.Terminal.seconds;
import static com.computemarket.connector.run.Terminal.shortId;

import com.computemarket.connector.backend.Backends;
import com.computemarket.connector.backend.JobOutcome;
import com.computemarket.connector.run.LocalJob.State;
import com.computemarket.workerprotocol.WireMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The worker's {@code capacity} job slots: takes pushed jobs, runs each on the runner of its challenge type
 * ({@link Backends}: a new job type plugs in there as a {@code JobRunner}), sends its result (again after a reconnect
 * until acknowledged) or returns it, and on a shutdown returns what will not finish within the grace period.
 */
final class JobSlots {

    /** Results sent again after this many reconnections without an acknowledgement are given up. */
    static final int MAX_RESENDS = 3;

    private final String workerAddress;
    private final Backends backends;
    private final Terminal terminal;
    private final Lifecycle lifecycle;
    private final Outbox toServer;
    private final ThreadPoolExecutor executor;
    private final Map<UUID, LocalJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong returned = new AtomicLong();

    /** @param toServer the current connection, for results and returns sent after the job's own frame */
    JobSlots(String workerAddress, int capacity, Backends backends, Terminal terminal, Lifecycle lifecycle, Outbox toServer) {
        this.workerAddress = workerAddress;
        this.backends = backends;
        this.terminal = terminal;
        this.lifecycle = lifecycle;
        this.toServer = toServer;
        // bounded: the server pushes at most one job per free slot; a queue of `capacity` absorbs re-pushes in flight
        this.executor = new ThreadPoolExecutor(capacity, capacity, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                DaemonThreads.named("cm-job"), new ThreadPoolExecutor.AbortPolicy());
    }

    /** A pushed job: run it, or answer on {@code from} with its kept result, or return it while shutting down. */
    void accept(Outbox from, WireMessage.JobAssignment job) {
        LocalJob known = jobs.get(job.jobId());
        if (known != null) {
            State s = known.state.get();
            if (s == State.DONE && known.result != null) {
                from.send(known.result); // pushed again after a reconnect: the result is idempotent
            } else {
                terminal.detail("job " + shortId(job.jobId()) + " pushed again; it is " + s.name().toLowerCase(Locale.ROOT) + " here");
            }
            return;
        }
        if (lifecycle.stopping()) {
            from.send(new WireMessage.ReturnJob(job.jobId()));
            terminal.line("job " + shortId(job.jobId()) + " returned: shutting down");
            return;
        }
        LocalJob local = new LocalJob(job);
        jobs.put(job.jobId(), local);
        terminal.line("job " + shortId(job.jobId()) + " received (" + job.challengeType() + ", task " + shortId(job.taskId()) + ")");
        try {
            local.future = executor.submit(() -> execute(local));
        } catch (RejectedExecutionException e) {
            giveBack(local, lifecycle.stopping() ? "shutting down" : "no free slot");
        }
    }

    /** The server took (or had already taken) a result: it is no longer kept. */
    void acknowledged(WireMessage.ResultAck ack) {
        LocalJob local = jobs.get(ack.jobId());
        if (local != null && (local.is(State.DONE) || local.is(State.RETURNED))) {
            jobs.remove(ack.jobId());
        }
        terminal.detail("job " + shortId(ack.jobId()) + " " + ack.outcome());
        if (WireMessage.ResultAck.DUPLICATE.equals(ack.outcome())) {
            terminal.line("job " + shortId(ack.jobId()) + " result was already taken (duplicate)");
        }
    }

    /** After a welcome: the results not yet acknowledged, each at most {@link #MAX_RESENDS} times. */
    void resendResults(Outbox to) {
        for (LocalJob local : List.copyOf(jobs.values())) {
            if (local.holdsResult()) {
                if (local.resends.incrementAndGet() > MAX_RESENDS) {
                    jobs.remove(local.job.jobId());
                    terminal.line("job " + shortId(local.job.jobId()) + " result never acknowledged; given up");
                } else {
                    to.send(local.result);
                }
            }
        }
    }

    private void execute(LocalJob local) {
        if (!local.state.compareAndSet(State.QUEUED, State.RUNNING)) {
            return;
        }
        local.startedNanos = System.nanoTime();
        terminal.line("job " + shortId(local.job.jobId()) + " started");
        JobOutcome outcome = runOnBackend(local.job);
        if (outcome instanceof JobOutcome.Completed done) {
            finish(local, done);
        } else if (outcome instanceof JobOutcome.Returned r && local.is(State.RUNNING)) {
            giveBack(local, r.reason());
        }
    }

    /** Runs the job on the runner of its challenge type; an interrupt or a backend failure returns it. */
    private JobOutcome runOnBackend(WireMessage.JobAssignment job) {
        String id = shortId(job.jobId());
        try {
            return backends.runner(job.challengeType()).run(job, (fraction, stage) -> terminal.detail(String.format(Locale.ROOT,
                    "job %s %3.0f%% %s", id, fraction * 100, stage)));
        } catch (InterruptedException e) {
            return new JobOutcome.Returned("stopped");
        } catch (RuntimeException e) {
            return new JobOutcome.Returned("the backend failed: " + e);
        }
    }

    private void finish(LocalJob local, JobOutcome.Completed done) {
        UUID id = local.job.jobId();
        WireMessage.JobResult result = new WireMessage.JobResult(id, workerAddress, done.resultHash(), done.proof(), done.output());
        local.result = result;
        if (local.state.compareAndSet(State.RUNNING, State.DONE)) {
            completed.incrementAndGet();
            terminal.line("job " + shortId(id) + " done in " + seconds((System.nanoTime() - local.startedNanos) / 1_000_000)
                    + ", result " + abbreviate(done.resultHash()));
            toServer.send(result);
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
        toServer.send(new WireMessage.ReturnJob(local.job.jobId()));
        jobs.remove(local.job.jobId());
        terminal.line("job " + shortId(local.job.jobId()) + " returned: " + reason);
    }

    /**
     * The shutdown's part: returns the queued jobs at once, waits up to {@code grace} for the running ones, returns
     * (and interrupts) those still running, then waits a little for the last acknowledgements.
     */
    void drain(Duration grace) {
        List<LocalJob> queued = jobs.values().stream().filter(j -> j.is(State.QUEUED)).toList();
        long running = count(State.RUNNING);
        terminal.line("stopping: no new jobs" + (running == 0 ? "" : "; waiting up to " + seconds(grace.toMillis())
                + " for " + running + " running job" + (running == 1 ? "" : "s")));
        for (LocalJob j : queued) {
            giveBack(j, "shutting down before it started");
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                returnRunning();
                executor.shutdownNow();
                executor.awaitTermination(2, TimeUnit.SECONDS);
            }
            awaitAcks(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void returnRunning() {
        for (LocalJob j : List.copyOf(jobs.values())) {
            if (j.is(State.RUNNING)) {
                giveBack(j, "not finished within the grace period");
                Future<?> f = j.future;
                if (f != null) {
                    f.cancel(true);
                }
            }
        }
    }

    private void awaitAcks(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline && count(State.DONE) > 0) {
            Thread.sleep(50);
        }
    }

    /** After a fatal refusal: running jobs are abandoned (their leases expire). */
    void abandon() {
        executor.shutdownNow();
    }

    long count(State state) {
        return jobs.values().stream().filter(j -> j.is(state)).count();
    }

    long completed() {
        return completed.get();
    }

    long returned() {
        return returned.get();
    }

    /** For tests: the jobs this worker holds, by state. */
    Map<UUID, State> snapshot() {
        Map<UUID, State> out = new TreeMap<>();
        jobs.forEach((id, j) -> out.put(id, j.state.get()));
        return out;
    }
}
