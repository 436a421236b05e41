package com.computemarket.market.application;

import java.time.Duration;
import java.util.UUID;

/**
 * Port: announces that a job is QUEUED and may be offered to a worker. Implemented by a JMS adapter that sends in the
 * caller's XA transaction, so the announcement exists exactly when the job row committed as QUEUED.
 */
public interface JobQueue {

    /** The job is ready now (created, lease expired, or returned by its worker). */
    void ready(UUID jobId);

    /** No worker was free: offer it again after {@code delay}; {@code round} counts the offers that found none. */
    void retry(UUID jobId, int round, Duration delay);
}
