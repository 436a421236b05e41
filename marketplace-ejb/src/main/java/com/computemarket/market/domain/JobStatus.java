package com.computemarket.market.domain;

/** QUEUED → LEASED → SUBMITTED → SETTLED or REJECTED; LEASED → QUEUED when the lease expires; DEAD after the last attempt. */
public enum JobStatus {
    QUEUED, LEASED, SUBMITTED, SETTLED, REJECTED, DEAD, CANCELLED;

    public boolean isFinal() {
        return this == SETTLED || this == REJECTED || this == DEAD || this == CANCELLED;
    }
}
