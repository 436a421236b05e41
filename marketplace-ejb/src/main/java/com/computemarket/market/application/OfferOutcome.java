package com.computemarket.market.application;

/** What offering a job did: leased to a worker, sent round again because no worker was free, or nothing (stale). */
public enum OfferOutcome {
    LEASED, NO_WORKER, NOT_QUEUED
}
