package com.computemarket.market.application;

import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobRepository;
import com.computemarket.market.domain.JobStatus;
import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** In-memory stand-ins for dispatch's ports, and a JobDispatch wired to them. */
final class DispatchFakes {

    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    final Jobs jobs = new Jobs();
    final Queue queue = new Queue();
    final Channels channels = new Channels();
    final Tasks tasks = new Tasks();
    final Transaction transaction = new Transaction();
    final JobDispatch dispatch = new JobDispatch();

    DispatchFakes() {
        dispatch.jobs = jobs;
        dispatch.queue = queue;
        dispatch.events = queue;
        dispatch.channels = channels;
        dispatch.tasks = tasks;
        dispatch.clock = clock;
        dispatch.afterCommit = new com.computemarket.shared.AfterCommit(transaction);
        dispatch.requeue = new JobRequeue(queue, queue, tasks, clock);
        dispatch.leaseTtl = Duration.ofSeconds(30);
        dispatch.maxAttempts = 3;
        dispatch.retryDelay = Duration.ofMillis(250);
        dispatch.retryMaxDelay = Duration.ofSeconds(2);
    }

    Job queuedJob(String challengeType) {
        Job job = new Job(UUID.randomUUID(), UUID.randomUUID(), 0, challengeType, "{\"n\":4}", Amount.parseCpc("reward", "1"), clock.instant());
        jobs.add(job);
        return job;
    }

    /** Leases the job to a fresh connected worker, committed; answers the worker. */
    UUID leased(Job job) {
        UUID worker = channels.connect(job.challengeType(), 1);
        dispatch.offer(job.id(), 0);
        transaction.commit();
        return worker;
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class Jobs implements JobRepository {
        final Map<UUID, Job> byId = new LinkedHashMap<>();
        final List<UUID> locked = new ArrayList<>();
        final List<UUID> failOnLock = new ArrayList<>();

        @Override
        public void add(Job job) {
            byId.put(job.id(), job);
        }

        @Override
        public Optional<Job> find(UUID id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Job require(UUID id) {
            return find(id).orElseThrow(() -> DomainException.notFound("job-not-found", "no job " + id));
        }

        @Override
        public Job lock(UUID id) {
            if (failOnLock.contains(id)) {
                throw new IllegalStateException("lock timeout on " + id);
            }
            locked.add(id);
            return require(id);
        }

        @Override
        public List<Job> ofTask(UUID taskId) {
            return byId.values().stream().filter(j -> j.taskId().equals(taskId)).toList();
        }

        @Override
        public List<Job> leasedTo(UUID workerId) {
            return byId.values().stream().filter(j -> j.status() == JobStatus.LEASED && workerId.equals(j.workerId())).toList();
        }

        @Override
        public List<Job> expiredLeases(Instant now, int limit) {
            return byId.values().stream().filter(j -> j.leaseExpired(now))
                    .sorted(Comparator.comparing(Job::leaseExpiresAt)).limit(limit).toList();
        }

        @Override
        public List<Job> silentlyQueued(Instant before, int limit) {
            return byId.values().stream().filter(j -> j.status() == JobStatus.QUEUED && j.announcedAt().isBefore(before))
                    .limit(limit).toList();
        }
    }

    record Sent(String queue, UUID jobId, int round, Duration delay, String reason) {
    }

    /** JobQueue and DispatchEvents: the messages sent, in order. */
    static final class Queue implements JobQueue, DispatchEvents {
        final List<Sent> sent = new ArrayList<>();

        @Override
        public void ready(UUID jobId) {
            sent.add(new Sent("JobReady", jobId, 0, Duration.ZERO, null));
        }

        @Override
        public void retry(UUID jobId, int round, Duration delay) {
            sent.add(new Sent("JobReady", jobId, round, delay, null));
        }

        @Override
        public void resultSubmitted(UUID jobId) {
            sent.add(new Sent("ResultSubmitted", jobId, 0, Duration.ZERO, null));
        }

        @Override
        public void jobDeadLettered(UUID jobId, UUID taskId, String reason) {
            sent.add(new Sent("JobDeadLetter", jobId, 0, Duration.ZERO, reason));
        }

        List<Sent> on(String queue) {
            return sent.stream().filter(s -> s.queue().equals(queue)).toList();
        }
    }

    /** A hub with workers of one challenge type each and a number of slots. */
    static final class Channels implements WorkerChannels {
        record Worker(String type, int capacity) {
        }

        final Map<UUID, Worker> workers = new LinkedHashMap<>();
        final Map<UUID, Integer> used = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();
        final Deque<JobPush> pushed = new ArrayDeque<>();

        UUID connect(String type, int capacity) {
            UUID id = UUID.randomUUID();
            workers.put(id, new Worker(type, capacity));
            used.put(id, 0);
            return id;
        }

        @Override
        public Optional<UUID> reserve(String challengeType) {
            for (Map.Entry<UUID, Worker> w : workers.entrySet()) {
                if (w.getValue().type().equals(challengeType) && used.get(w.getKey()) < w.getValue().capacity()) {
                    used.merge(w.getKey(), 1, Integer::sum);
                    calls.add("reserve " + w.getKey());
                    return Optional.of(w.getKey());
                }
            }
            return Optional.empty();
        }

        @Override
        public void cancelReservation(UUID workerId) {
            used.merge(workerId, -1, Integer::sum);
            calls.add("cancel " + workerId);
        }

        @Override
        public void push(UUID workerId, JobPush job) {
            pushed.add(job);
            calls.add("push " + workerId + " " + job.jobId());
        }

        @Override
        public void release(UUID workerId, UUID jobId) {
            used.merge(workerId, -1, Integer::sum);
            calls.add("release " + workerId + " " + jobId);
        }
    }

    static final class Tasks extends TaskLifecycle {
        final List<UUID> leased = new ArrayList<>();
        final List<String> died = new ArrayList<>();

        @Override
        public void jobLeased(UUID taskId) {
            leased.add(taskId);
        }

        @Override
        public void jobDied(UUID taskId, UUID jobId, String reason) {
            died.add(taskId + " " + jobId + " " + reason);
        }
    }

    /** The current transaction's synchronizations; the test ends it with commit() or rollback(). */
    static final class Transaction implements TransactionSynchronizationRegistry {
        final List<Synchronization> synchronizations = new ArrayList<>();

        void commit() {
            end(Status.STATUS_COMMITTED);
        }

        void rollback() {
            end(Status.STATUS_ROLLEDBACK);
        }

        private void end(int status) {
            List<Synchronization> current = new ArrayList<>(synchronizations);
            synchronizations.clear();
            current.forEach(s -> s.afterCompletion(status));
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override public Object getTransactionKey() { return this; }
        @Override public void putResource(Object key, Object value) { }
        @Override public Object getResource(Object key) { return null; }
        @Override public int getTransactionStatus() { return Status.STATUS_ACTIVE; }
        @Override public void setRollbackOnly() { }
        @Override public boolean getRollbackOnly() { return false; }
    }
}
