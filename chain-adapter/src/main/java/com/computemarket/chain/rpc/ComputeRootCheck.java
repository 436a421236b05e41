package com.computemarket.chain.rpc;

import com.computemarket.chain.protocol.Block;
import com.computemarket.chain.protocol.ChainFormatException;
import com.computemarket.chain.protocol.ComputeResult;
import com.computemarket.chain.protocol.Merkle;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.protocol.TxType;
import org.bouncycastle.util.encoders.Hex;


/**
 * Checks that a SUBMIT_RESULT's ComputeResult leaf is committed by its block's {@code compute_root}: the leaf
 * is recomputed from the payload (pydantic's serialisation, SHA-256) and the root from every SUBMIT_RESULT in
 * the block, in block order.
 */
public final class ComputeRootCheck {

    /**
     * @param leafHex     the result's leaf
     * @param leafIndex   its position among the block's SUBMIT_RESULT leaves
     * @param computeRoot the header's compute_root
     * @param committed   whether the recomputed root equals the header's
     */
    public record ResultCommitment(String txHash, long height, String leafHex, int leafIndex, String computeRoot,
                                   boolean committed) {
    }

    private ComputeRootCheck() {
    }

    /** @throws IllegalArgumentException if the included transaction is not a SUBMIT_RESULT */
    public static ResultCommitment check(Inclusion inclusion) {
        Block block = inclusion.block();
        Transaction tx = inclusion.tx();
        if (tx.txType() != TxType.SUBMIT_RESULT) {
            throw new IllegalArgumentException("tx " + inclusion.txHash() + " is a " + tx.rawTxType() + ", not a SUBMIT_RESULT");
        }
        int leafIndex = 0;
        for (int i = 0; i < inclusion.txIndex(); i++) {
            if (block.txs().get(i).txType() == TxType.SUBMIT_RESULT) leafIndex++;
        }
        String root = block.header().computeRoot();
        byte[] leaf;
        String recomputed;
        try {
            leaf = ComputeResult.fromPayload(tx.payload()).leaf();
            recomputed = Merkle.computeRoot(block.txs());
        } catch (ChainFormatException e) {
            // a result the node should never have included: not committed, whatever the header says
            return new ResultCommitment(inclusion.txHash(), inclusion.height(), null, leafIndex, root, false);
        }
        return new ResultCommitment(inclusion.txHash(), inclusion.height(), Hex.toHexString(leaf), leafIndex, root,
                root.equals(recomputed));
    }
}
