package com.computemarket.shared;

/**
 * The kinds of ledger account. Owners: an organization alias (ORG_*), a worker id (WORKER_PAYABLE), or
 * {@value AccountRef#PLATFORM} for the platform's own accounts.
 */
public enum AccountType {
    ORG_AVAILABLE, ORG_ESCROW, WORKER_PAYABLE, PLATFORM_FEES, PAYOUTS_IN_FLIGHT, L1_WALLET, L1_FEES,
    /** The counterpart of credits an admin granted by hand: what the platform gave that did not come from the L1. */
    MANUAL_CREDITS;

    /** Money owed to customers or workers, or on its way to them, can never be below zero. */
    public boolean mustStayNonNegative() {
        return this == ORG_AVAILABLE || this == ORG_ESCROW || this == WORKER_PAYABLE || this == PAYOUTS_IN_FLIGHT;
    }
}
