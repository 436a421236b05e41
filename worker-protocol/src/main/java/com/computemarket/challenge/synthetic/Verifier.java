package com.computemarket.challenge.synthetic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a worker's openings against its commitment and the generator. For each challenged row: the opening is
 * there once, has n values, its row hash leads by its path to result_hash; then for each sampled column j,
 * C[i][j] equals A_i · B[:, j] recomputed from the generator. Cost O(k·m·n) multiply-adds, k·n/8 + k·m·n/8 generator
 * words, and k row hashes, against the worker's iterations·n³. Stateless and thread-safe.
 */
public final class Verifier {

    public Verdict verify(SyntheticJob job, String resultHash, Challenge challenge, List<Opening> openings) {
        byte[] root;
        try {
            root = Hex.decode("result_hash", resultHash, 32);
        } catch (IllegalArgumentException e) {
            return Verdict.reject(e.getMessage(), 0, 0);
        }
        int n = job.matrixSize();
        Map<Integer, Opening> byLeaf = new HashMap<>();
        for (Opening o : openings) {
            if (byLeaf.put(o.leafIndex(), o) != null) {
                return Verdict.reject("row " + o.leafIndex() + " is opened twice", 0, 0);
            }
        }
        if (openings.size() != challenge.rows().size()) {
            return Verdict.reject(openings.size() + " openings for " + challenge.rows().size() + " challenged rows", 0, 0);
        }
        Generator generator = job.generator();
        byte[] columnOfB = new byte[n];
        int rows = 0;
        int entries = 0;
        for (Challenge.ChallengedRow challenged : challenge.rows()) {
            int leaf = challenged.leafIndex();
            Opening opening = byLeaf.get(leaf);
            if (opening == null) {
                return Verdict.reject("challenged row " + leaf + " is not opened", rows, entries);
            }
            int[] values = opening.values();
            if (values.length != n) {
                return Verdict.reject("row " + leaf + " has " + values.length + " values, not " + n, rows, entries);
            }
            byte[] reached = MerkleTree.rootFrom(RowHash.of(values), leaf, job.leafCount(), opening.path());
            if (reached == null || !Arrays.equals(reached, root)) {
                return Verdict.reject("row " + leaf + ": the Merkle path does not lead to result_hash", rows, entries);
            }
            rows++;
            int iteration = job.iterationOf(leaf);
            int i = job.rowOf(leaf);
            byte[] rowOfA = generator.rowOfA(iteration, i, n);
            for (int j : challenged.columns()) {
                generator.columnOfB(iteration, j, n, columnOfB, 0);
                int expected = CpuBackend.dot(rowOfA, 0, columnOfB, 0, 0, n);
                entries++;
                if (values[j] != expected) {
                    return Verdict.reject("row " + leaf + " (iteration " + iteration + ", row " + i + "): C[" + i + "][" + j
                            + "] = " + values[j] + ", expected " + expected, rows, entries);
                }
            }
        }
        return Verdict.accept(rows, entries);
    }
}
