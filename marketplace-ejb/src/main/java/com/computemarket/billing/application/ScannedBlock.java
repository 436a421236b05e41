package com.computemarket.billing.application;

import java.util.List;

/** A block as the deposit scanner reads it: its height, hash and TRANSFERs. */
public record ScannedBlock(long height, String hash, List<ChainTransfer> transfers) {

    public ScannedBlock {
        transfers = List.copyOf(transfers);
    }
}
