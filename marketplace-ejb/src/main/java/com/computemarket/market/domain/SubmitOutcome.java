package com.computemarket.market.domain;

/** What taking a result did: the first result of a lease is ACCEPTED; the same result again is a DUPLICATE. */
public enum SubmitOutcome {
    ACCEPTED, DUPLICATE
}
