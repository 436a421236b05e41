package com.computemarket.settlement.application;

import com.computemarket.billing.application.Escrow;
import com.computemarket.market.application.TaskLifecycle;
import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobRepository;
import com.computemarket.market.domain.TaskRepository;
import com.computemarket.workers.application.Reputation;
import com.computemarket.workers.application.WorkerDirectory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Pays or refuses a verified job, once: the verifier calls {@link #settle} for an accepted result (reward from escrow
 * to the worker's payable and the fee to the platform, in one journal entry keyed by the job) and {@link #reject}
 * for a refused one. A result that arrives after its task closed is not paid (the hold is already released).
 */
@Stateless
public class JobSettlement {

    private static final Logger LOG = Logger.getLogger(JobSettlement.class.getName());

    @Inject JobRepository jobs;
    @Inject TaskRepository tasks;
    @Inject Escrow escrow;
    @Inject TaskLifecycle lifecycle;
    @Inject WorkerDirectory workers;
    @Inject Reputation reputation;
    @Inject Clock clock;

    public void settle(UUID jobId) {
        Job job = jobs.lock(jobId);
        if (job.status() == com.computemarket.market.domain.JobStatus.SETTLED) {
            return; // settled before: once only
        }
        if (!tasks.require(job.taskId()).status().isOpen()) {
            if (job.reject("task closed before the result was verified", clock.instant())) {
                LOG.info(() -> "job " + jobId + " verified after its task closed: not paid");
            }
            return;
        }
        if (!job.settle(clock.instant())) {
            return;
        }
        escrow.settleJob(job.taskId(), job.id(), job.workerId(), job.reward());
        reputation.recordSuccess(job.workerId());
        lifecycle.jobSettled(job.taskId(), job.resultHash(), workers.require(job.workerId()).address());
        LOG.info(() -> "job " + jobId + " settled: " + job.reward() + " to worker " + job.workerId());
    }

    public void reject(UUID jobId, String reason) {
        Job job = jobs.lock(jobId);
        if (job.reject(reason, clock.instant())) {
            reputation.recordFailure(job.workerId(), reason);
            LOG.info(() -> "job " + jobId + " rejected: " + reason);
        }
    }
}
