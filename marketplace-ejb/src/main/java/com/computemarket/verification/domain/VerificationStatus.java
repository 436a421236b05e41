package com.computemarket.verification.domain;

import java.util.Locale;

/**
 * Where a submitted result stands. The happy path is AWAITING_BLOCK → CHALLENGED → ACCEPTED → SIGNING → SIGNED →
 * RELAYED → SETTLED. Back to ACCEPTED (a new signature with a fresh nonce) when the worker did not sign in time, the
 * node refused the transaction, or it was proven dead. REJECTED and ABANDONED are final and pay nothing.
 */
public enum VerificationStatus {
    /** Commitment received at some head height; waiting for a later block to mix into the challenge. */
    AWAITING_BLOCK,
    /** Challenge fixed: sent to a worker that must answer before respond_by (synthetic: open the rows), or being re-executed by the platform (inference). */
    CHALLENGED,
    /** Openings (or the re-execution) checked and right; waiting for this worker's turn to sign a SUBMIT_RESULT. */
    ACCEPTED,
    /** The worker was asked to sign with a given nonce. */
    SIGNING,
    /** The worker's signed transaction is recorded; it is being sent to the L1. */
    SIGNED,
    /** The L1 node took the transaction; waiting to find it in a block. */
    RELAYED,
    /** Found in a block whose compute_root commits it, and the job settled in the ledger. */
    SETTLED,
    /** The openings were wrong, missing or late, or the re-execution disagreed: not paid. */
    REJECTED,
    /** Accepted, but the job closed before it could be settled (task cancelled or past its deadline). */
    ABANDONED;

    /** Lower case, as customers, operators and workers see it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One of a worker's results holds its next L1 nonce: no other may ask for a signature meanwhile. */
    public boolean holdsNonce() {
        return this == SIGNING || this == SIGNED || this == RELAYED;
    }

    public boolean isFinal() {
        return this == SETTLED || this == REJECTED || this == ABANDONED;
    }
}
