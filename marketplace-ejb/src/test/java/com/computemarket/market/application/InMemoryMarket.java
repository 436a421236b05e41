package com.computemarket.market.application;

import com.computemarket.billing.application.Escrow;
import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobRepository;
import com.computemarket.market.domain.JobStatus;
import com.computemarket.market.domain.Task;
import com.computemarket.market.domain.TaskRepository;
import com.computemarket.market.domain.TaskStatus;
import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.JobId;
import com.computemarket.shared.TaskId;
import com.computemarket.shared.WorkerId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Fakes of the market's ports and of escrow, wired into the real services, for tests without a server. */
class InMemoryMarket {

    final Map<UUID, Task> tasks = new LinkedHashMap<>();
    final Map<UUID, Job> jobs = new LinkedHashMap<>();
    final List<UUID> queued = new ArrayList<>();
    final Map<String, Amount> available = new HashMap<>();
    final Map<UUID, Amount> holds = new HashMap<>();
    Instant now = Instant.ofEpochSecond(1_700_000_000L);

    final TaskRepository taskRepository = new TaskRepository() {
        public void add(Task task) { tasks.put(task.id(), task); }
        public Optional<Task> find(UUID id) { return Optional.ofNullable(tasks.get(id)); }
        public Task require(UUID id) { return find(id).orElseThrow(() -> DomainException.notFound("task-not-found", "no task " + id)); }
        public Task lock(UUID id) { return require(id); }
        public Optional<Task> byIdempotencyKey(String org, String key) {
            return tasks.values().stream().filter(t -> org.equals(t.organization()) && key.equals(t.idempotencyKey())).findFirst();
        }
        public List<Task> page(String org, TaskStatus status, String type, int limit, int offset) {
            return tasks.values().stream().filter(t -> matches(t, org, status, type))
                    .sorted(Comparator.comparing(Task::createdAt).reversed()).skip(offset).limit(limit).toList();
        }
        public long count(String org, TaskStatus status, String type) {
            return tasks.values().stream().filter(t -> matches(t, org, status, type)).count();
        }
        public java.util.Map<UUID, TaskStatus> statuses(java.util.Collection<UUID> ids, String org) {
            java.util.Map<UUID, TaskStatus> statuses = new java.util.HashMap<>();
            ids.stream().map(tasks::get).filter(t -> t != null && (org == null || org.equals(t.organization())))
                    .forEach(t -> statuses.put(t.id(), t.status()));
            return statuses;
        }
        public void markStarted(UUID id) { require(id).started(); }
        public List<Task> overdue(Instant at, int limit) {
            return tasks.values().stream().filter(t -> t.pastDeadline(at)).limit(limit).toList();
        }
    };

    final JobRepository jobRepository = new JobRepository() {
        public void add(Job job) { jobs.put(job.id(), job); }
        public Optional<Job> find(UUID id) { return Optional.ofNullable(jobs.get(id)); }
        public Job require(UUID id) { return find(id).orElseThrow(); }
        public Job lock(UUID id) { return require(id); }
        public List<Job> ofTask(UUID taskId) { return jobs.values().stream().filter(j -> j.taskId().equals(taskId)).toList(); }
        public List<Job> leasedTo(UUID workerId) {
            return jobs.values().stream().filter(j -> j.status() == JobStatus.LEASED && workerId.equals(j.workerId())).toList();
        }
        public List<Job> expiredLeases(Instant at, int limit) {
            return jobs.values().stream().filter(j -> j.leaseExpired(at)).limit(limit).toList();
        }
        public List<Job> silentlyQueued(Instant before, int limit) {
            return jobs.values().stream().filter(j -> j.status() == JobStatus.QUEUED && j.announcedAt().isBefore(before)).limit(limit).toList();
        }
    };

    final Escrow escrow = new Escrow() {
        @Override
        public void hold(TaskId task, String organization, Amount amount) {
            UUID taskId = task.value();
            Amount balance = available.getOrDefault(organization, Amount.ZERO);
            if (balance.compareTo(amount) < 0) {
                throw DomainException.unprocessable("insufficient-funds", "available " + balance + " < " + amount);
            }
            available.put(organization, balance.minus(amount));
            holds.put(taskId, amount);
        }

        @Override
        public void settleJob(TaskId taskId, JobId jobId, WorkerId workerId, Amount reward) {
            holds.put(taskId.value(), holds.get(taskId.value()).minus(reward));
        }

        @Override
        public Amount release(TaskId task, String reason) {
            UUID taskId = task.value();
            Amount rest = holds.getOrDefault(taskId, Amount.ZERO);
            String org = tasks.get(taskId).organization();
            available.put(org, available.getOrDefault(org, Amount.ZERO).plus(rest));
            holds.put(taskId, Amount.ZERO);
            return rest;
        }
    };

    final Clock clock = new Clock() {
        public ZoneOffset getZone() { return ZoneOffset.UTC; }
        public Clock withZone(java.time.ZoneId zone) { return this; }
        public Instant instant() { return now; }
    };

    TaskSubmission submission() {
        TaskSubmission s = new TaskSubmission();
        s.tasks = taskRepository;
        s.jobs = jobRepository;
        s.escrow = escrow;
        s.queue = new JobQueue() {
            public void ready(UUID jobId) { queued.add(jobId); }
            public void retry(UUID jobId, int round, java.time.Duration delay) { queued.add(jobId); }
        };
        s.settings = new MarketSettings();
        s.settings.defaultDeadline = java.time.Duration.ofDays(7);
        s.settings.maxDeadline = java.time.Duration.ofDays(30);
        s.clock = clock;
        return s;
    }

    TaskLifecycle lifecycle() {
        TaskLifecycle l = new TaskLifecycle();
        l.tasks = taskRepository;
        l.jobs = jobRepository;
        l.escrow = escrow;
        l.clock = clock;
        return l;
    }

    private static boolean matches(Task t, String org, TaskStatus status, String type) {
        return (org == null || org.equals(t.organization())) && (status == null || status == t.status())
                && (type == null || type.equals(t.challengeType()));
    }
}
