package com.computemarket.chain.protocol;

import com.computemarket.chain.crypto.Hashes;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;

/** The node's Merkle tree (tx_root and compute_root). */
public final class Merkle {

    private static final String ZERO_ROOT = "0".repeat(64);

    private Merkle() {
    }

    /**
     * The root over raw 32-byte leaves: one leaf is its own root; at each level an odd count duplicates
     * the last node, and parent = SHA-256(left || right). No leaves gives 32 zero bytes, as the node's
     * function does (callers turn that into "" for compute_root).
     */
    public static byte[] root(List<byte[]> leaves) {
        List<List<byte[]>> levels = levels(leaves);
        return levels.isEmpty() ? new byte[32] : levels.get(levels.size() - 1).get(0).clone();
    }

    /** Every level from the leaves up to the root; empty for no leaves. */
    public static List<List<byte[]>> levels(List<byte[]> leaves) {
        List<List<byte[]>> levels = new ArrayList<>();
        if (leaves.isEmpty()) {
            return levels;
        }
        List<byte[]> level = List.copyOf(leaves);
        levels.add(level);
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                byte[] left = level.get(i);
                byte[] right = i + 1 < level.size() ? level.get(i + 1) : left;
                next.add(Hashes.sha256(left, right));
            }
            level = List.copyOf(next);
            levels.add(level);
        }
        return levels;
    }

    /** tx_root: the tree over the tx hashes in block order; 64 zeros for an empty block. */
    public static String txRoot(List<Transaction> txs) {
        if (txs.isEmpty()) {
            return ZERO_ROOT;
        }
        List<byte[]> leaves = new ArrayList<>(txs.size());
        for (Transaction tx : txs) {
            leaves.add(tx.hashBytes());
        }
        return Hex.toHexString(root(leaves));
    }

    /** The compute-root leaves: one per SUBMIT_RESULT, in block order. */
    public static List<byte[]> computeLeaves(List<Transaction> txs) {
        List<byte[]> leaves = new ArrayList<>();
        for (Transaction tx : txs) {
            if (tx.txType() == TxType.SUBMIT_RESULT) {
                leaves.add(ComputeResult.fromPayload(tx.payload()).leaf());
            }
        }
        return leaves;
    }

    /**
     * compute_root: the tree over the SUBMIT_RESULT leaves, other types skipped; {@code ""} when there
     * is none. A SUBMIT_RESULT whose payload is not a ComputeResult throws {@link ChainFormatException}
     * (the node never includes one).
     */
    public static String computeRoot(List<Transaction> txs) {
        List<byte[]> leaves = computeLeaves(txs);
        return leaves.isEmpty() ? "" : Hex.toHexString(root(leaves));
    }
}
