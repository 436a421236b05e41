package com.computemarket.chain.rpc;

/** {@code GET /status}: the head of the chain as the node sees it. {@code height} is -1 before the first block. */
public record ChainStatus(long height, String lastHash, String network, int mempoolSize, long epoch) {
}
