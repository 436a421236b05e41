/**
 * Verification: the platform is the Proof-of-Compute validator. For each submitted synthetic result it challenges
 * the worker after the commitment (a later block's hash mixed with its own secret nonce), checks the opened rows
 * within a time limit and records a verdict; an accepted result is then signed by the worker and relayed as a
 * SUBMIT_RESULT to the L1, and the job is settled in the ledger only once a block commits it. Owns Verification;
 * refers to jobs, tasks and workers by id, and settles through the settlement context.
 */
package com.computemarket.verification;
