package com.computemarket.billing.application;

/** Where the deposit scan stands: the next height to read and the hash of the block before it (null at genesis). */
public record ScanPosition(long nextHeight, String lastHash) {
}
