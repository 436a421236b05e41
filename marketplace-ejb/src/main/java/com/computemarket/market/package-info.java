/**
 * The market: customers' tasks, their split into jobs, the jobs' way through queues and leases to workers, and the
 * worker gateway (the connected workers, {@code infrastructure.WorkerHub}, fed by the web module's WebSocket).
 * Owns Task and Job: only this context changes them; verification hands its verdicts to
 * {@code application.JobCompletion}, which moves the money through billing's {@code Escrow}. Refers to
 * organizations, workers and ledger accounts by id only.
 */
package com.computemarket.market;
