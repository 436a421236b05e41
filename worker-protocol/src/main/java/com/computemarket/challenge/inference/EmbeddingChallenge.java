package com.computemarket.challenge.inference;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The items a worker must open and the verifier re-executes, derived after the commitment exactly as the synthetic
 * challenge derives rows:
 * <pre>
 *   D       = SHA-256(verifier_nonce (32 bytes) || block_hash (32 bytes) || result_hash (32 bytes))
 *   stream  = SHA-256(D || be32(0)) || SHA-256(D || be32(1)) || …, read as big-endian uint64s
 *   items   = next uint64 mod N, repeated until min(k, N) distinct indices, in draw order
 * </pre>
 * The sample size k adapts to trust, as BOINC's adaptive replication does ({@link #sampleSize}).
 */
public record EmbeddingChallenge(List<Integer> indices) {

    /** Items re-executed per job while a worker has fewer than {@value #TRUST_AFTER} consecutive accepted jobs. */
    public static final int NEW_WORKER_ITEMS = 32;
    /** The floor for a trusted worker: every job is still challenged. */
    public static final int TRUSTED_ITEMS = 8;
    /** Consecutive accepted jobs after which k starts to fall. */
    public static final int TRUST_AFTER = 10;

    public EmbeddingChallenge {
        indices = List.copyOf(indices);
    }

    /**
     * k for a worker with {@code consecutiveAccepted} accepted embedding jobs since its last failure (a failure
     * resets it to 0): {@value #NEW_WORKER_ITEMS} below {@value #TRUST_AFTER}, then
     * max({@value #TRUSTED_ITEMS}, ⌈{@value #NEW_WORKER_ITEMS}·{@value #TRUST_AFTER} / consecutiveAccepted⌉)
     * (32 at 10, 16 at 20, 8 from 40 on), never more than the job's items.
     */
    public static int sampleSize(int consecutiveAccepted, int items) {
        if (consecutiveAccepted < 0 || items < 1) {
            throw new IllegalArgumentException("consecutiveAccepted >= 0 and items >= 1");
        }
        int k = consecutiveAccepted < TRUST_AFTER ? NEW_WORKER_ITEMS
                : Math.max(TRUSTED_ITEMS, ceilDiv(NEW_WORKER_ITEMS * TRUST_AFTER, consecutiveAccepted));
        return Math.min(k, items);
    }

    /**
     * P(accept) for a cheater whose job has {@code bad} wrong items out of {@code items} when {@code k} distinct items
     * are re-executed and every wrong one is caught: C(N − bad, k) / C(N, k).
     */
    public static double acceptProbability(int items, int bad, int k) {
        double p = 1;
        for (int i = 0; i < Math.min(k, items); i++) {
            p *= (double) (items - bad - i) / (items - i);
            if (p <= 0) {
                return 0;
            }
        }
        return p;
    }

    /** With k from {@link #sampleSize} for the worker's trust. */
    public static EmbeddingChallenge forWorker(EmbeddingJob job, int consecutiveAccepted, byte[] verifierNonce,
                                               String blockHash, String resultHash) {
        return derive(job.size(), sampleSize(consecutiveAccepted, job.size()), verifierNonce, blockHash, resultHash);
    }

    /**
     * @param items         N, the job's item count
     * @param k             items to re-execute (min(k, N) are drawn)
     * @param verifierNonce 32 random bytes the verifier drew when it accepted the commitment
     * @param blockHash     64 hex digits: a block produced after the commitment
     * @param resultHash    64 hex digits: the worker's commitment
     */
    public static EmbeddingChallenge derive(int items, int k, byte[] verifierNonce, String blockHash, String resultHash) {
        if (verifierNonce == null || verifierNonce.length != 32) {
            throw new IllegalArgumentException("the verifier nonce is 32 bytes");
        }
        if (items < 1 || k < 1) {
            throw new IllegalArgumentException("items and k are at least 1");
        }
        MessageDigest sha = Digests.sha256();
        sha.update(verifierNonce);
        sha.update(Digests.unhex("block_hash", blockHash, 32));
        sha.update(Digests.unhex("result_hash", resultHash, 32));
        byte[] d = sha.digest();
        Set<Integer> chosen = new LinkedHashSet<>();
        ByteBuffer block = ByteBuffer.allocate(0);
        int counter = 0;
        while (chosen.size() < Math.min(k, items)) {
            if (!block.hasRemaining()) {
                sha.reset();
                sha.update(d);
                sha.update(ByteBuffer.allocate(4).putInt(counter++).array());
                block = ByteBuffer.wrap(sha.digest());
            }
            chosen.add((int) Long.remainderUnsigned(block.getLong(), items));
        }
        return new EmbeddingChallenge(List.copyOf(chosen));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
