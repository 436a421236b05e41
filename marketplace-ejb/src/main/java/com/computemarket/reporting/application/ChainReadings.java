package com.computemarket.reporting.application;

import com.computemarket.billing.application.BlockSource;

/** Port: what reports read from the L1 node (implemented over the chain adapter in reporting.infrastructure). */
public interface ChainReadings {

    String nodeUrl();

    /** The node's tip height; throws when the node does not answer. */
    long height();

    /** Blocks for one report, with short timeouts. */
    BlockSource blocks();
}
