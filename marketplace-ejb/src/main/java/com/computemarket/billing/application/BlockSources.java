package com.computemarket.billing.application;

/** Port: a {@link BlockSource} on the configured L1 node for one pass (a scan tick, a report). */
public interface BlockSources {

    /** Short timeouts, one attempt per call: the next pass is the retry. */
    BlockSource quick();
}
