package com.computemarket.challenge.synthetic;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The chain's Merkle tree rule (as chain-adapter's {@code com.computemarket.chain.protocol.Merkle}, which a test
 * checks this against): 32-byte leaves; one leaf is its own root; at each level an odd count duplicates the last
 * node; parent = SHA-256(left || right). Kept here rather than depending on chain-adapter because worker-protocol
 * sits in the EAR's lib/, which cannot see the chain-adapter EJB module's classes; this class adds what the chain's
 * does not have: authentication paths and their check.
 */
public final class MerkleTree {

    private final List<byte[][]> levels;

    private MerkleTree(List<byte[][]> levels) {
        this.levels = levels;
    }

    /** Builds every level over the leaves (at least one; each 32 bytes, not copied). */
    public static MerkleTree over(byte[][] leaves) {
        if (leaves.length == 0) {
            throw new IllegalArgumentException("a result has at least one row");
        }
        MessageDigest digest = Generator.digest();
        List<byte[][]> levels = new ArrayList<>();
        byte[][] level = leaves;
        levels.add(level);
        while (level.length > 1) {
            byte[][] next = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < level.length; i += 2) {
                byte[] left = level[i];
                byte[] right = i + 1 < level.length ? level[i + 1] : left;
                next[i / 2] = parent(digest, left, right);
            }
            level = next;
            levels.add(level);
        }
        return new MerkleTree(levels);
    }

    public int leafCount() {
        return levels.get(0).length;
    }

    public byte[] root() {
        return levels.get(levels.size() - 1)[0].clone();
    }

    public byte[] leaf(int index) {
        return levels.get(0)[index].clone();
    }

    /** Sibling hashes from the leaf's level up to below the root (a duplicated last node is its own sibling). */
    public List<byte[]> path(int leafIndex) {
        if (leafIndex < 0 || leafIndex >= leafCount()) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " outside 0.." + (leafCount() - 1));
        }
        List<byte[]> path = new ArrayList<>(levels.size() - 1);
        int index = leafIndex;
        for (int l = 0; l < levels.size() - 1; l++) {
            byte[][] level = levels.get(l);
            int sibling = index ^ 1;
            path.add((sibling < level.length ? level[sibling] : level[index]).clone());
            index >>= 1;
        }
        return path;
    }

    /** The path length of every leaf of a tree with {@code leafCount} leaves: ceil(log2(leafCount)). */
    public static int depth(int leafCount) {
        return leafCount <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(leafCount - 1);
    }

    /**
     * The root a leaf and its path lead to, or null when the path has the wrong length for a tree of
     * {@code leafCount} leaves or a node is not 32 bytes. The caller compares the answer with the committed root.
     */
    public static byte[] rootFrom(byte[] leaf, int leafIndex, int leafCount, List<byte[]> path) {
        if (leafIndex < 0 || leafIndex >= leafCount || path.size() != depth(leafCount) || leaf.length != 32) {
            return null;
        }
        MessageDigest digest = Generator.digest();
        byte[] node = leaf;
        int index = leafIndex;
        int width = leafCount;
        for (byte[] sibling : path) {
            if (sibling == null || sibling.length != 32) {
                return null;
            }
            if ((index & 1) == 0 && index + 1 == width && !Arrays.equals(sibling, node)) {
                return null; // the last node of an odd level is paired with itself
            }
            node = (index & 1) == 0 ? parent(digest, node, sibling) : parent(digest, sibling, node);
            index >>= 1;
            width = (width + 1) / 2;
        }
        return node;
    }

    private static byte[] parent(MessageDigest digest, byte[] left, byte[] right) {
        digest.reset();
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }
}
