package com.computemarket.billing.application;

import java.util.Optional;

/** Where the deposit scanner reads blocks: the L1 node (infrastructure) or a fake in tests. */
public interface BlockSource {
    /** The height of the newest block. */
    long tipHeight();
    /** The block at this height; empty when there is none (yet). */
    Optional<ScannedBlock> block(long height);
}
