package com.computemarket.challenge.synthetic;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows a worker must open and the columns the verifier samples in each, derived after the commitment:
 * <pre>
 *   D        = SHA-256(verifier_nonce (32 bytes) || block_hash (32 bytes) || result_hash (32 bytes))
 *   stream   = SHA-256(D || uint32_be(0)) || SHA-256(D || uint32_be(1)) || …, read as big-endian uint64s
 *   draw(N)  = next uint64 mod N (unsigned; bias below N / 2^64)
 *   rows     = draw(L) repeated until min(k, L) distinct leaf indices, in draw order (L = iterations · n)
 *   columns  = then, for each row in that order, draw(n) until min(m, n) distinct columns, in draw order
 * </pre>
 * block_hash is the hash of a block produced after the verifier received the commitment; verifier_nonce is the
 * verifier's secret until then. Neither party alone chooses the challenge.
 */
public record Challenge(List<ChallengedRow> rows) {

    /** Rows opened per job. */
    public static final int DEFAULT_ROWS = 64;
    /** Entries checked per opened row. */
    public static final int DEFAULT_COLUMNS = 16;

    public Challenge {
        rows = List.copyOf(rows);
    }

    /** One challenged row: its leaf index and the columns the verifier recomputes (the worker opens the whole row). */
    public record ChallengedRow(int leafIndex, int[] columns) {
        public ChallengedRow {
            columns = columns.clone();
        }

        @Override
        public int[] columns() {
            return columns.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ChallengedRow r && r.leafIndex == leafIndex && Arrays.equals(r.columns, columns);
        }

        @Override
        public int hashCode() {
            return 31 * leafIndex + Arrays.hashCode(columns);
        }

        @Override
        public String toString() {
            return "ChallengedRow[" + leafIndex + ", columns " + Arrays.toString(columns) + "]";
        }
    }

    /** With the default k = {@value #DEFAULT_ROWS} rows and m = {@value #DEFAULT_COLUMNS} columns. */
    public static Challenge derive(SyntheticJob job, byte[] verifierNonce, String blockHash, String resultHash) {
        return derive(job, verifierNonce, blockHash, resultHash, DEFAULT_ROWS, DEFAULT_COLUMNS);
    }

    /**
     * @param verifierNonce 32 random bytes the verifier drew when it accepted the commitment
     * @param blockHash     64 hex digits: a block produced after the commitment
     * @param resultHash    64 hex digits: the worker's commitment
     */
    public static Challenge derive(SyntheticJob job, byte[] verifierNonce, String blockHash, String resultHash,
                                   int k, int m) {
        if (verifierNonce == null || verifierNonce.length != 32) {
            throw new IllegalArgumentException("the verifier nonce is 32 bytes");
        }
        if (k < 1 || m < 1) {
            throw new IllegalArgumentException("k and m are at least 1");
        }
        MessageDigest sha = Generator.digest();
        sha.update(verifierNonce);
        sha.update(Hex.decode("block_hash", blockHash, 32));
        sha.update(Hex.decode("result_hash", resultHash, 32));
        Stream stream = new Stream(sha.digest());
        int leaves = job.leafCount();
        int n = job.matrixSize();
        Set<Integer> chosen = distinct(stream, leaves, Math.min(k, leaves));
        List<ChallengedRow> rows = new ArrayList<>(chosen.size());
        for (int leaf : chosen) {
            rows.add(new ChallengedRow(leaf, distinct(stream, n, Math.min(m, n)).stream().mapToInt(Integer::intValue).toArray()));
        }
        return new Challenge(rows);
    }

    /** The challenged leaf indices, in order: what the worker must open. */
    public List<Integer> leafIndices() {
        return rows.stream().map(ChallengedRow::leafIndex).toList();
    }

    private static Set<Integer> distinct(Stream stream, int bound, int count) {
        Set<Integer> out = new LinkedHashSet<>();
        while (out.size() < count) {
            out.add(stream.draw(bound));
        }
        return out;
    }

    /** The SHA-256 counter-mode stream over D. */
    private static final class Stream {
        private final byte[] d;
        private final MessageDigest sha = Generator.digest();
        private ByteBuffer block = ByteBuffer.allocate(0);
        private int counter;

        Stream(byte[] d) {
            this.d = d;
        }

        int draw(int bound) {
            if (!block.hasRemaining()) {
                sha.reset();
                sha.update(d);
                sha.update(ByteBuffer.allocate(4).putInt(counter++).array());
                block = ByteBuffer.wrap(sha.digest());
            }
            return (int) Long.remainderUnsigned(block.getLong(), bound);
        }
    }
}
