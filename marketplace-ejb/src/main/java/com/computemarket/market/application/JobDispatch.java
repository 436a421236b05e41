package com.computemarket.market.application;

import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobRepository;
import com.computemarket.market.domain.JobOutputCheck;
import com.computemarket.market.domain.JobStatus;
import com.computemarket.market.domain.Lease;
import com.computemarket.market.domain.OutputStore;
import com.computemarket.market.domain.SubmitOutcome;
import com.computemarket.shared.AfterCommit;
import com.computemarket.shared.DomainException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Jobs between the queue and the workers. The database is the truth: a lease, a result, an expiry is a row change
 * under the job's row lock; JMS messages ({@link JobQueue}, {@link DispatchEvents}) go in the same XA transaction;
 * the connected workers ({@link WorkerChannels}) are told only after commit, so a worker never runs a job whose lease
 * rolled back. Each method is one transaction.
 */
@Stateless
public class JobDispatch {

    private static final Logger LOG = Logger.getLogger(JobDispatch.class.getName());

    @Inject JobRepository jobs;
    @Inject JobQueue queue;
    @Inject DispatchEvents events;
    @Inject WorkerChannels channels;
    @Inject TaskLifecycle tasks;
    @Inject Clock clock;
    @Inject AfterCommit afterCommit;
    @Inject JobRequeue requeue;
    @Inject OutputStore outputs;

    /** Rounds a JobReady for a not-yet-visible job is tried again before it is given up as never committed. */
    static final int NOT_VISIBLE_ROUNDS = 8;
    static final Duration NOT_VISIBLE_STEP = Duration.ofMillis(20);

    @Inject @ConfigProperty(name = "cm.dispatch.lease-ttl", defaultValue = "PT30S")
    Duration leaseTtl;
    @Inject @ConfigProperty(name = "cm.dispatch.max-attempts", defaultValue = "3")
    int maxAttempts;
    @Inject @ConfigProperty(name = "cm.dispatch.retry-delay", defaultValue = "PT0.25S")
    Duration retryDelay;
    @Inject @ConfigProperty(name = "cm.dispatch.retry-max-delay", defaultValue = "PT2S")
    Duration retryMaxDelay;

    /**
     * Leases a QUEUED job to a connected worker with a free slot for its challenge type (and, for an inference job, holding
     * its model) and pushes it after commit.
     * With no worker free, the job is announced again after a delay that doubles per round up to
     * cm.dispatch.retry-max-delay (a new message, not a rollback, so redelivery counts stay for real failures).
     */
    public OfferOutcome offer(UUID jobId, int round) {
        if (jobs.find(jobId).isEmpty()) {
            // XA commits its resources one after the other: the message can arrive before the job's row is visible
            if (round < NOT_VISIBLE_ROUNDS) {
                // the row follows within milliseconds: a short, fixed step, not the no-free-worker backoff
                queue.retry(jobId, round + 1, NOT_VISIBLE_STEP.multipliedBy(round + 1L));
            } else {
                LOG.warning(() -> "job " + jobId + " announced but never found; dropped");
            }
            return OfferOutcome.NOT_QUEUED;
        }
        Job job = jobs.lock(jobId);
        if (job.status() != JobStatus.QUEUED) {
            LOG.fine(() -> "job " + jobId + " is " + job.status() + "; stale announcement ignored");
            return OfferOutcome.NOT_QUEUED;
        }
        Optional<UUID> reserved = channels.reserve(job.challengeType(), job.modelId());
        if (reserved.isEmpty()) {
            queue.retry(jobId, round + 1, retryDelay(round));
            job.announced(clock.instant());
            return OfferOutcome.NO_WORKER;
        }
        UUID worker = reserved.get();
        Lease lease;
        try {
            lease = job.leaseTo(worker, clock.instant(), leaseTtl);
        } catch (RuntimeException e) {
            channels.cancelReservation(worker);
            throw e;
        }
        JobPush push = pushOf(job);
        afterCommit.whenDone(committed -> {
            if (committed) {
                channels.push(worker, push);
            } else {
                channels.cancelReservation(worker);
            }
        });
        tasks.jobLeased(job.taskId());
        LOG.fine(() -> "job " + jobId + " leased to worker " + worker + " (attempt " + lease.attempt() + ") until " + lease.expiresAt());
        return OfferOutcome.LEASED;
    }

    Duration retryDelay(int round) {
        Duration delay = retryDelay.multipliedBy(1L << Math.min(Math.max(round, 0), 16));
        return delay.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : delay;
    }

    /**
     * A worker said hello (first connection or reconnect): the jobs still leased to it get a fresh lease and are
     * returned to be sent again; jobs whose lease already ran out are the reaper's.
     */
    public List<JobPush> connected(UUID workerId) {
        List<JobPush> pushes = new ArrayList<>();
        for (Job job : renewLeases(workerId)) {
            pushes.add(pushOf(job));
        }
        if (!pushes.isEmpty()) {
            LOG.info(() -> "worker " + workerId + " reconnected holding " + pushes.size() + " leased job(s); sending them again");
        }
        return pushes;
    }

    /** A heartbeat: every lease the worker still holds runs cm.dispatch.lease-ttl from now; answers those jobs' ids. */
    public List<UUID> heartbeat(UUID workerId) {
        return renewLeases(workerId).stream().map(Job::id).toList();
    }

    private List<Job> renewLeases(UUID workerId) {
        Instant now = clock.instant();
        List<Job> renewed = new ArrayList<>();
        // one lock order for every transaction that locks several jobs
        List<UUID> ids = jobs.leasedTo(workerId).stream().map(Job::id).sorted(Comparator.naturalOrder()).toList();
        for (UUID id : ids) {
            Job job = jobs.lock(id);
            if (job.renewLease(workerId, now, leaseTtl)) {
                renewed.add(job);
            }
        }
        return renewed;
    }

    /**
     * Takes a worker's result, idempotently by job id: the first result of the lease holder is SUBMITTED and
     * announced on the ResultSubmitted queue for verification; the same result again is a DUPLICATE that changes
     * nothing; anything else is refused (409).
     */
    public SubmitOutcome takeResult(UUID workerId, UUID jobId, String resultHash, String proofJson) {
        return takeResult(workerId, jobId, resultHash, proofJson, null);
    }

    /**
     * As above, with the result's {@code output}: an inference job's result must carry one that fits the job
     * ({@link JobOutputCheck}; 422 invalid-output, and the result is not taken); it is stored by the SHA-256 of its
     * canonical bytes and the job records that hash. Other jobs ignore an output.
     */
    public SubmitOutcome takeResult(UUID workerId, UUID jobId, String resultHash, String proofJson, JsonNode output) {
        if (jobs.find(jobId).isEmpty()) {
            throw DomainException.notFound("job-not-found", "no job " + jobId);
        }
        Job job = jobs.lock(jobId);
        String outputHash = null;
        Integer generated = null;
        if (job.modelId() != null) {
            JobOutputCheck.Checked checked = JobOutputCheck.check(JobPayloadJson.read(job.payload()), output);
            outputHash = outputs.put(checked.canonical().toString());
            generated = checked.generatedTokens();
        }
        SubmitOutcome outcome = job.submit(workerId, resultHash, proofJson, outputHash, generated, clock.instant());
        if (outcome == SubmitOutcome.ACCEPTED) {
            events.resultSubmitted(jobId);
            LOG.info(() -> "job " + jobId + " result " + resultHash + " submitted by worker " + workerId);
        } else {
            LOG.fine(() -> "job " + jobId + " result from worker " + workerId + " again; duplicate ignored");
        }
        releaseAfterCommit(workerId, jobId);
        return outcome;
    }

    /** The worker gives a job back: QUEUED again at once (the attempt still counts). False when it did not hold it. */
    public boolean returnJob(UUID workerId, UUID jobId) {
        if (jobs.find(jobId).isEmpty()) {
            throw DomainException.notFound("job-not-found", "no job " + jobId);
        }
        Job job = jobs.lock(jobId);
        if (!job.returnLease(workerId)) {
            return false;
        }
        queue.ready(jobId);
        job.announced(clock.instant());
        releaseAfterCommit(workerId, jobId);
        LOG.info(() -> "job " + jobId + " returned by worker " + workerId);
        return true;
    }

    /**
     * A QUEUED job whose announcement was lost (its JobReady message was consumed while the job's row was not yet
     * visible, or the offer failed for good): announced again. Answers false when it is no longer silent.
     */
    public boolean reannounce(UUID jobId, Instant silentBefore) {
        Job job = jobs.lock(jobId);
        if (job.status() != JobStatus.QUEUED || job.announcedAt() != null && !job.announcedAt().isBefore(silentBefore)) {
            return false;
        }
        queue.ready(jobId);
        job.announced(clock.instant());
        LOG.info(() -> "job " + jobId + " was queued without an announcement since " + job.announcedAt() + "; announced again");
        return true;
    }

    /**
     * The reaper found this lease expired: the job is QUEUED and announced again, or, after cm.dispatch.max-attempts
     * leases, DEAD with its task failed. A lease renewed meanwhile is left alone.
     */
    public JobStatus expireLease(UUID jobId) {
        Job job = jobs.lock(jobId);
        UUID worker = job.workerId();
        if (!job.leaseExpired(clock.instant())) {
            return job.status();
        }
        JobStatus after = job.expireLease(clock.instant(), maxAttempts);
        requeue.queuedAgainOrDied(job, after,
                () -> "job " + jobId + " lease of worker " + worker + " expired (attempt " + job.attempts() + "); queued again");
        releaseAfterCommit(worker, jobId);
        return after;
    }

    /**
     * Its JobReady message could not be processed even after the broker's redeliveries (a poison message): a job
     * still QUEUED is dead-lettered and its task failed. Any other state means someone else moved it on; nothing to do.
     */
    public boolean deadLetter(UUID jobId, String reason) {
        if (jobs.find(jobId).isEmpty()) {
            LOG.warning(() -> "undeliverable announcement for unknown job " + jobId + "; dropped");
            return false;
        }
        Job job = jobs.lock(jobId);
        if (job.status() != JobStatus.QUEUED) {
            return false;
        }
        job.deadLetter(reason, clock.instant());
        requeue.died(job);
        return true;
    }

    private JobPush pushOf(Job job) {
        return new JobPush(job.id(), job.taskId(), job.challengeType(), job.payload(), job.leaseExpiresAt());
    }

    private void releaseAfterCommit(UUID workerId, UUID jobId) {
        afterCommit.whenDone(committed -> {
            if (committed) {
                channels.release(workerId, jobId);
            }
        });
    }
}
