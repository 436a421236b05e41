package com.computemarket.chain.settlement;

import java.math.BigInteger;

/** A transaction the node took into its mempool: its hash, the sender's nonce, and the height it was sent at. */
public record SentTransaction(String txHash, String fromAddress, BigInteger nonce, long sentAtHeight) {
}
