package com.computemarket.market.application;

import com.computemarket.billing.application.Escrow;
import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobRepository;
import com.computemarket.market.domain.JobStatus;
import com.computemarket.market.domain.Task;
import com.computemarket.market.domain.TaskRepository;
import com.computemarket.market.domain.TaskStatus;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.TaskId;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * What happens to a task when its jobs move: started at the first lease, completed when the last job settles (the
 * rest of the hold goes back to the customer), failed when a job dies or the deadline passes (its other jobs stop
 * and the hold is released). Runs in the caller's transaction.
 */
@Stateless
public class TaskLifecycle {

    private static final Logger LOG = Logger.getLogger(TaskLifecycle.class.getName());

    @Inject TaskRepository tasks;
    @Inject JobRepository jobs;
    @Inject Escrow escrow;
    @Inject Clock clock;

    public void jobLeased(UUID taskId) {
        tasks.markStarted(taskId);
    }

    public void jobSettled(UUID taskId, String resultHash, String workerAddress) {
        Task task = tasks.lock(taskId);
        if (task.jobSettled(resultHash, workerAddress, clock.instant())) {
            var released = escrow.release(TaskId.of(taskId), "task completed");
            LOG.info(() -> "task " + taskId + " completed; " + released + " of its hold released");
        }
    }

    public void jobDied(UUID taskId, UUID jobId, String reason) {
        fail(tasks.lock(taskId), "job " + jobId + " failed: " + reason);
    }

    /** Fails the task unless it is already closed: stops its unfinished jobs and releases the hold. */
    public boolean fail(Task task, String reason) {
        Instant now = clock.instant();
        if (!task.fail(reason, now)) {
            return false;
        }
        stopJobs(task.id(), now);
        var released = escrow.release(TaskId.of(task.id()), "task failed");
        LOG.info(() -> "task " + task.id() + " failed (" + reason + "); " + released + " released");
        return true;
    }

    /** Cancels an open task for its customer; refused while a job's result awaits verification. */
    public Task cancel(Task task) {
        Instant now = clock.instant();
        for (Job job : jobs.ofTask(task.id())) {
            if (job.status() == JobStatus.SUBMITTED) {
                throw DomainException.conflict("results-awaiting-verification", "task " + task.id()
                        + " has results awaiting verification; cancel again once they are verified");
            }
        }
        task.cancel(now);
        stopJobs(task.id(), now);
        var released = escrow.release(TaskId.of(task.id()), "task cancelled");
        LOG.info(() -> "task " + task.id() + " cancelled; " + released + " released");
        return task;
    }

    /** Fails open tasks whose deadline has passed; answers how many. */
    public int expireOverdue(int limit) {
        Instant now = clock.instant();
        int failed = 0;
        for (Task task : tasks.overdue(now, limit)) {
            if (fail(tasks.lock(task.id()), "deadline passed")) {
                failed++;
            }
        }
        return failed;
    }

    /** Each job locked (in id order) before it changes: the dispatcher may be touching the same rows. */
    private void stopJobs(UUID taskId, Instant now) {
        for (UUID id : jobs.ofTask(taskId).stream().map(Job::id).sorted().toList()) {
            jobs.lock(id).cancel(now);
        }
    }

    static boolean open(Task task) {
        return task.status() == TaskStatus.PENDING || task.status() == TaskStatus.IN_PROGRESS;
    }
}
