package com.computemarket.challenge.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * What a worker commits to for a job: the row hashes of every iteration's C (leaf {@code t·n + i} = row i of
 * iteration {@code first_iteration + t}) and the Merkle root over them; {@link #resultHash()} (64 hex digits) is the
 * job's {@code result_hash}. The worker keeps this (32 bytes a row, not C itself) to answer the challenge.
 */
public final class ResultCommitment {

    private final SyntheticJob job;
    private final MerkleTree tree;

    private ResultCommitment(SyntheticJob job, MerkleTree tree) {
        this.job = job;
        this.tree = tree;
    }

    /** Over the job's row hashes, in leaf order (exactly {@code job.leafCount()} of 32 bytes). */
    public static ResultCommitment of(SyntheticJob job, byte[][] rowHashes) {
        if (rowHashes.length != job.leafCount()) {
            throw new IllegalArgumentException("the job has " + job.leafCount() + " rows; got " + rowHashes.length + " hashes");
        }
        for (byte[] h : rowHashes) {
            if (h == null || h.length != 32) {
                throw new IllegalArgumentException("every row hash is 32 bytes");
            }
        }
        return new ResultCommitment(job, MerkleTree.over(rowHashes));
    }

    /** Over the full rows of every iteration (the reference path; the backends hash as they go). */
    public static ResultCommitment ofRows(SyntheticJob job, List<int[]> rows) {
        byte[][] leaves = new byte[rows.size()][];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = RowHash.of(rows.get(i));
        }
        return of(job, leaves);
    }

    public SyntheticJob job() {
        return job;
    }

    /** The job's result_hash: the root in lower-case hex. */
    public String resultHash() {
        return Hex.of(tree.root());
    }

    public byte[] rowHash(int leafIndex) {
        return tree.leaf(leafIndex);
    }

    public List<byte[]> path(int leafIndex) {
        return tree.path(leafIndex);
    }

    /**
     * The worker's answer to a challenge: one opening per challenged row, in the challenge's order.
     * {@code rows} are the challenged rows' values in that order (e.g. from {@link CpuBackend#rows}).
     */
    public List<Opening> open(Challenge challenge, List<int[]> rows) {
        return open(challenge.leafIndices(), rows);
    }

    /** The openings of the given leaves (as the server lists them), {@code rows} their values in that order. */
    public List<Opening> open(List<Integer> leafIndices, List<int[]> rows) {
        if (rows.size() != leafIndices.size()) {
            throw new IllegalArgumentException(leafIndices.size() + " rows are challenged; got " + rows.size());
        }
        List<Opening> openings = new ArrayList<>(leafIndices.size());
        for (int q = 0; q < leafIndices.size(); q++) {
            openings.add(new Opening(leafIndices.get(q), rows.get(q), path(leafIndices.get(q))));
        }
        return openings;
    }
}
