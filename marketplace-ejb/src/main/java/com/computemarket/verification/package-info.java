/**
 * Verification: the platform is the Proof-of-Compute validator. For each submitted synthetic result it challenges
 * the worker after the commitment (a later block's hash mixed with its own secret nonce), checks the opened rows
 * within a time limit and records a verdict; an accepted result is then signed by the worker and relayed as a
 * SUBMIT_RESULT to the L1, and the job is settled only once a block commits it. Owns Verification; refers to jobs,
 * tasks and workers by id, and hands each verdict to the market ({@code market.application.JobCompletion}), which
 * pays or re-queues the job. Reaches workers through the {@code application.WorkerMessages} port.
 */
package com.computemarket.verification;
