package com.computemarket.challenge.inference;

import com.computemarket.challenge.synthetic.MerkleTree;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's side of a job's result: every item's {@link ItemRecord}, the Merkle root over their leaf hashes with
 * the chain's tree rule ({@link MerkleTree}), which is {@code result_hash}, and the vectors to open challenged items
 * with (N × d × 4 bytes: 6 MiB for 4,096 items of 384 floats). Keep it until the job is settled.
 */
public final class EmbeddingCommitment {

    private final List<ItemRecord> records;
    private final List<float[]> vectors;
    private final MerkleTree tree;

    private EmbeddingCommitment(List<ItemRecord> records, List<float[]> vectors) {
        this.records = List.copyOf(records);
        this.vectors = vectors;
        byte[][] leaves = new byte[records.size()][];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = records.get(i).leafHash();
        }
        this.tree = MerkleTree.over(leaves);
    }

    /**
     * The commitment to {@code vectors[i]} as the embedding of {@code job.inputs()[i]}; IllegalArgumentException when
     * the count or a dimension does not match the job's model, or a value is not finite.
     */
    public static EmbeddingCommitment of(EmbeddingJob job, List<float[]> vectors) {
        if (vectors.size() != job.size()) {
            throw new IllegalArgumentException(job.size() + " inputs but " + vectors.size() + " vectors");
        }
        int d = job.model().dimension();
        List<ItemRecord> records = new ArrayList<>(vectors.size());
        List<float[]> copies = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i).clone();
            if (v.length != d) {
                throw new IllegalArgumentException("vector " + i + " has " + v.length + " floats; the model gives " + d);
            }
            for (float x : v) {
                if (!Float.isFinite(x)) {
                    throw new IllegalArgumentException("vector " + i + " holds " + x);
                }
            }
            records.add(ItemRecord.of(i, job.inputs().get(i), v));
            copies.add(v);
        }
        return new EmbeddingCommitment(records, copies);
    }

    /** 64 hex digits: job_result.result_hash. */
    public String resultHash() {
        return Digests.hex(tree.root());
    }

    public List<ItemRecord> records() {
        return records;
    }

    public float[] vector(int index) {
        return vectors.get(index).clone();
    }

    public EmbeddingOpening open(int index) {
        return new EmbeddingOpening(index, vectors.get(index), tree.path(index));
    }

    /** The openings for the challenged items, in the challenge's order. */
    public List<EmbeddingOpening> open(List<Integer> indices) {
        return indices.stream().map(this::open).toList();
    }
}
