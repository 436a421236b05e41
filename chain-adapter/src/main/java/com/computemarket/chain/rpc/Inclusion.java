package com.computemarket.chain.rpc;

import com.computemarket.chain.protocol.Block;
import com.computemarket.chain.protocol.Transaction;

/**
 * Where a transaction was found: block height and hash, and its position in the block's tx list.
 * The block is kept so its roots can be checked ({@link ComputeRootCheck}).
 */
public record Inclusion(String txHash, long height, String blockHash, int txIndex, Block block) {

    public Transaction tx() {
        return block.txs().get(txIndex);
    }
}
