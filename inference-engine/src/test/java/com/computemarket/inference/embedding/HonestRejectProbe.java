package com.computemarket.inference.embedding;

import com.computemarket.challenge.inference.Comparison;
import com.computemarket.challenge.inference.EmbeddingChallenge;
import com.computemarket.challenge.inference.EmbeddingCommitment;
import com.computemarket.challenge.inference.EmbeddingJob;
import com.computemarket.challenge.inference.EmbeddingModel;
import com.computemarket.challenge.inference.EmbeddingVerifier;
import com.computemarket.challenge.inference.Verdict;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Honest false-reject through the real verifier: the worker's vectors come from a DeterminismProbe file (computed
 * elsewhere: other threads, JDK or machine); the corpus is cut into jobs of 128 items, every item is challenged
 * (k = N) and re-executed by this JVM's engine, and the rule is {@link Comparison#EXACT} (also reported: how many
 * items the tolerant rule would reject).
 * {@code java -cp … HonestRejectProbe <model_id> <worker.bin> <verifier threads> [store]}
 */
public final class HonestRejectProbe {

    public static void main(String[] args) throws Exception {
        EmbeddingModel model = EmbeddingModel.byId(args[0]);
        float[][] worker = AgreementProbe.read(Path.of(args[1]), model.dimension());
        int threads = Integer.parseInt(args[2]);
        Path store = Path.of(args.length > 3 ? args[3] : "target/model-store");
        List<String> corpus = Corpus.all();
        SecureRandom random = new SecureRandom();
        int items = 0;
        int jobs = 0;
        int rejectedJobs = 0;
        int tolerantRejects = 0;
        try (EmbeddingEngine engine = EmbeddingEngine.open(model, BundledModels.extract(model, store),
                new EmbeddingEngine.Options(threads))) {
            EmbeddingVerifier exact = new EmbeddingVerifier(engine, Comparison.EXACT);
            EmbeddingVerifier tolerant = new EmbeddingVerifier(engine, Comparison.TOLERANT);
            for (int from = 0; from < corpus.size(); from += 128) {
                int to = Math.min(corpus.size(), from + 128);
                EmbeddingJob job = new EmbeddingJob(model.id(), corpus.subList(from, to));
                EmbeddingCommitment c = EmbeddingCommitment.of(job, Arrays.asList(worker).subList(from, to));
                byte[] nonce = new byte[32];
                byte[] block = new byte[32];
                random.nextBytes(nonce);
                random.nextBytes(block);
                EmbeddingChallenge challenge = EmbeddingChallenge.derive(job.size(), job.size(), nonce,
                        HexFormat.of().formatHex(block), c.resultHash());
                Verdict v = exact.verify(job, c.resultHash(), challenge, c.open(challenge.indices()));
                jobs++;
                items += v.itemsReexecuted();
                if (!v.accepted()) {
                    rejectedJobs++;
                    System.out.println("rejected: " + v.reason());
                    tolerantRejects += tolerant.verify(job, c.resultHash(), challenge, c.open(challenge.indices())).accepted() ? 0 : 1;
                }
            }
        }
        System.out.printf("%s worker=%s verifier: threads=%d java=%s; jobs=%d items re-executed=%d rejected jobs=%d "
                + "(tolerant rule: %d)%n", model.id(), args[1], threads, System.getProperty("java.version"), jobs, items,
                rejectedJobs, tolerantRejects);
    }
}
