package com.computemarket.challenge.inference;

import com.computemarket.challenge.synthetic.MerkleTree;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a worker's openings of the challenged items against its result_hash and a re-execution, in this order (the
 * first failure rejects the job): exactly one opening per challenged item and none else; each vector has the model's
 * dimension, finite values and unit L2 norm (±{@value Comparison#NORM_TOLERANCE}); its record (index, input hash,
 * vector hash, dimension) with the path reaches result_hash; only then are the challenged inputs re-executed (one
 * call) and each vector compared by the {@link Comparison}. Stateless and thread-safe when the re-execution is.
 */
public final class EmbeddingVerifier {

    private final Reexecution reexecution;
    private final Comparison comparison;

    public EmbeddingVerifier(Reexecution reexecution, Comparison comparison) {
        this.reexecution = reexecution;
        this.comparison = comparison;
    }

    public Comparison comparison() {
        return comparison;
    }

    public Verdict verify(EmbeddingJob job, String resultHash, EmbeddingChallenge challenge,
                          List<EmbeddingOpening> openings) {
        byte[] root = Digests.unhex("result_hash", resultHash, 32);
        EmbeddingModel model = job.model();
        Map<Integer, EmbeddingOpening> byIndex = new HashMap<>();
        for (EmbeddingOpening opening : openings) {
            if (!challenge.indices().contains(opening.index())) {
                return Verdict.reject("item " + opening.index() + " was opened but not challenged", 0, 0);
            }
            if (byIndex.put(opening.index(), opening) != null) {
                return Verdict.reject("item " + opening.index() + " was opened twice", 0, 0);
            }
        }
        List<String> inputs = new ArrayList<>();
        int opened = 0;
        for (int index : challenge.indices()) {
            EmbeddingOpening opening = byIndex.get(index);
            if (opening == null) {
                return Verdict.reject("item " + index + " was not opened", opened, 0);
            }
            float[] v = opening.vector();
            String bad = shape(v, model);
            if (bad != null) {
                return Verdict.reject("item " + index + ": " + bad, opened, 0);
            }
            ItemRecord record = ItemRecord.of(index, job.inputs().get(index), v);
            byte[] reached = MerkleTree.rootFrom(record.leafHash(), index, job.size(), opening.path());
            if (reached == null || !MessageDigest.isEqual(reached, root)) {
                return Verdict.reject("item " + index + ": its record and path do not reach result_hash", opened, 0);
            }
            opened++;
            inputs.add(job.inputs().get(index));
        }
        List<float[]> expected = reexecution.embed(model, inputs);
        if (expected.size() != inputs.size()) {
            throw new IllegalStateException("the re-execution gave " + expected.size() + " vectors for " + inputs.size() + " inputs");
        }
        int checked = 0;
        for (int index : challenge.indices()) {
            String mismatch = comparison.mismatch(byIndex.get(index).vector(), expected.get(checked));
            checked++;
            if (mismatch != null) {
                return Verdict.reject("item " + index + ": " + mismatch, opened, checked);
            }
        }
        return Verdict.accept(checked);
    }

    private static String shape(float[] v, EmbeddingModel model) {
        if (v.length != model.dimension()) {
            return "vector has " + v.length + " floats; " + model.id() + " gives " + model.dimension();
        }
        for (float x : v) {
            if (!Float.isFinite(x)) {
                return "vector holds " + x;
            }
        }
        double norm = Comparison.norm(v);
        if (Math.abs(norm - 1) > Comparison.NORM_TOLERANCE) {
            return "vector norm " + norm + " is not 1";
        }
        return null;
    }
}
