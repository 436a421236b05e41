package com.computemarket.market.application;

import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * What follows when a job leaves its worker (lease expired, result rejected, poison message): QUEUED is announced
 * again, DEAD fails its task. One place for {@link JobDispatch} and {@link JobCompletion}; runs in the caller's
 * transaction, under the job's row lock the caller holds.
 */
@Dependent
class JobRequeue {

    private static final Logger LOG = Logger.getLogger(JobRequeue.class.getName());

    private final JobQueue queue;
    private final DispatchEvents events;
    private final TaskLifecycle tasks;
    private final Clock clock;

    @Inject
    JobRequeue(JobQueue queue, DispatchEvents events, TaskLifecycle tasks, Clock clock) {
        this.queue = queue;
        this.events = events;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** A job just taken from its worker: announced again when QUEUED, its task told when DEAD. */
    void queuedAgainOrDied(Job job, JobStatus after, Supplier<String> queuedAgain) {
        if (after == JobStatus.QUEUED) {
            queue.ready(job.id());
            job.announced(clock.instant());
            LOG.info(queuedAgain);
        } else if (after == JobStatus.DEAD) {
            died(job);
        }
    }

    void died(Job job) {
        tasks.jobDied(job.taskId(), job.id(), job.failure());
        events.jobDeadLettered(job.id(), job.taskId(), job.failure());
        LOG.warning(() -> "job " + job.id() + " of task " + job.taskId() + " is DEAD: " + job.failure());
    }
}
