package com.computemarket.challenge.generation;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * The generated positions the verifier replays, derived after the commitment as the synthetic challenge's rows:
 * <pre>
 *   D       = SHA-256(verifier_nonce (32 bytes) || block_hash (32 bytes) || result_hash (32 bytes))
 *   stream  = SHA-256(D || be32(0)) || SHA-256(D || be32(1)) || …, read as big-endian uint64s
 *   draw(N) = next uint64 mod N (unsigned)
 *   indices = draw(n − 1) repeated until min(k − 1, n − 1) distinct indices below n − 1, then n − 1 itself
 * </pre>
 * The last position is always challenged: it carries the finish reason (an EOS there must be the model's choice),
 * so truncation is always caught. The indices are returned ascending (the order a replay visits them).
 */
public record TextChallenge(List<Integer> indices) {

    /** Positions replayed per job (the last one included). */
    public static final int DEFAULT_POSITIONS = 8;

    public TextChallenge {
        indices = List.copyOf(indices);
    }

    public static TextChallenge derive(int tokens, byte[] verifierNonce, String blockHash, String resultHash) {
        return derive(tokens, verifierNonce, blockHash, resultHash, DEFAULT_POSITIONS);
    }

    /**
     * @param tokens        the number of generated tokens the worker committed to
     * @param verifierNonce 32 random bytes the verifier drew when it accepted the commitment
     * @param blockHash     64 hex digits: a block produced after the commitment
     * @param resultHash    64 hex digits: the worker's commitment
     */
    public static TextChallenge derive(int tokens, byte[] verifierNonce, String blockHash, String resultHash, int k) {
        if (verifierNonce == null || verifierNonce.length != 32 || tokens < 1 || k < 1) {
            throw new IllegalArgumentException("a 32-byte nonce, at least one token and k ≥ 1 are required");
        }
        MessageDigest sha = Sha256.digest();
        sha.update(verifierNonce);
        sha.update(hex32("block_hash", blockHash));
        sha.update(hex32("result_hash", resultHash));
        byte[] d = sha.digest();
        TreeSet<Integer> chosen = new TreeSet<>();
        int wanted = Math.min(k - 1, tokens - 1);
        ByteBuffer block = ByteBuffer.allocate(0);
        int counter = 0;
        while (chosen.size() < wanted) {
            if (!block.hasRemaining()) {
                sha.reset();
                sha.update(d);
                sha.update(ByteBuffer.allocate(4).putInt(counter++).array());
                block = ByteBuffer.wrap(sha.digest());
            }
            int index = (int) Long.remainderUnsigned(block.getLong(), tokens - 1);
            chosen.add(index);
        }
        chosen.add(tokens - 1);
        return new TextChallenge(new ArrayList<>(chosen));
    }

    /**
     * Every position 0..n−1. The replay of the last position computes the logits of every earlier one anyway, so
     * checking them all costs only an arg-max and a log-softmax per position: what an audited job should use when
     * the verifier holds the whole result (a sampled challenge is for verifiers that receive openings only).
     */
    public static TextChallenge everyPosition(int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("at least one token");
        }
        List<Integer> all = new ArrayList<>(tokens);
        for (int i = 0; i < tokens; i++) {
            all.add(i);
        }
        return new TextChallenge(all);
    }

    public int[] asArray() {
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }

    private static byte[] hex32(String field, String text) {
        if (text == null || text.length() != 64) {
            throw new IllegalArgumentException(field + " must be 64 hex digits; got " + text);
        }
        return HexFormat.of().parseHex(text);
    }
}
