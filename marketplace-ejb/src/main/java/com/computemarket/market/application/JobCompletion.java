package com.computemarket.market.application;

import com.computemarket.billing.application.Escrow;
import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobRepository;
import com.computemarket.market.domain.JobStatus;
import com.computemarket.market.domain.TaskRepository;
import com.computemarket.shared.JobId;
import com.computemarket.shared.TaskId;
import com.computemarket.shared.WorkerId;
import com.computemarket.workers.application.Reputation;
import com.computemarket.workers.application.WorkerDirectory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The verdict on a submitted result, applied to the market's job, once: verification calls {@link #accepted} for a
 * result committed on L1 (reward from escrow to the worker's payable and the fee to the platform, in one journal entry
 * keyed by the job, through billing's {@link Escrow}) and {@link #rejected} then {@link #retryRejected} for a refused
 * one. A result that arrives after its task closed is not paid (the hold is already released). Each method joins the
 * caller's transaction and locks the job's row.
 */
@Stateless
public class JobCompletion {

    private static final Logger LOG = Logger.getLogger(JobCompletion.class.getName());

    @Inject JobRepository jobs;
    @Inject TaskRepository tasks;
    @Inject Escrow escrow;
    @Inject TaskLifecycle lifecycle;
    @Inject JobRequeue requeue;
    @Inject WorkerDirectory workers;
    @Inject Reputation reputation;
    @Inject Clock clock;
    @Inject @ConfigProperty(name = "cm.dispatch.max-attempts", defaultValue = "3")
    int maxAttempts;

    /** The job whose result is under verification. */
    public JobSnapshot job(JobId jobId) {
        Job job = jobs.require(jobId.value());
        return new JobSnapshot(job.id(), job.taskId(), job.workerId(), job.challengeType(), job.payload(), job.resultHash(),
                job.attempts(), job.status().name().toLowerCase(Locale.ROOT), job.status() == JobStatus.SUBMITTED);
    }

    /** Pays an accepted result, once; answers whether the job is paid (false: its task closed first). */
    public boolean accepted(JobId jobId) {
        Job job = jobs.lock(jobId.value());
        if (job.status() == JobStatus.SETTLED) {
            return true; // settled before: once only
        }
        if (!tasks.require(job.taskId()).status().isOpen()) {
            if (job.reject("task closed before the result was verified", clock.instant())) {
                LOG.info(() -> "job " + jobId + " verified after its task closed: not paid");
            }
            return false;
        }
        if (job.settle(clock.instant())) {
            WorkerId worker = WorkerId.of(job.workerId());
            escrow.settleJob(TaskId.of(job.taskId()), jobId, worker, job.charge());
            reputation.recordSuccess(worker);
            lifecycle.jobSettled(job.taskId(), job.resultHash(), workers.require(worker).address());
            LOG.info(() -> "job " + jobId + " settled: " + job.charge() + " of its " + job.reward() + " to worker " + job.workerId());
        }
        return job.status() == JobStatus.SETTLED;
    }

    /** A refused result: not paid, and the worker's reputation drops; repeating it changes nothing. */
    public void rejected(JobId jobId, String reason) {
        Job job = jobs.lock(jobId.value());
        if (job.reject(reason, clock.instant())) {
            reputation.recordFailure(WorkerId.of(job.workerId()), reason);
            LOG.info(() -> "job " + jobId + " rejected: " + reason);
        }
    }

    /**
     * After {@link #rejected}: the job goes back to the queue for any worker, or, out of attempts, is DEAD with its task
     * failed (and the task's escrow released).
     */
    public void retryRejected(JobId jobId) {
        Job job = jobs.lock(jobId.value());
        JobStatus after = job.retryAfterRejection(maxAttempts, clock.instant());
        requeue.queuedAgainOrDied(job, after,
                () -> "job " + jobId + " queued again after a rejected result (attempt " + job.attempts() + ")");
    }
}
