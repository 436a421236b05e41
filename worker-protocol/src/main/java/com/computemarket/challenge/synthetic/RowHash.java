package com.computemarket.challenge.synthetic;

import java.security.MessageDigest;

/** The leaf of a result row: SHA-256 over its n int32 values, each 4 bytes little-endian (4n bytes). */
public final class RowHash {

    private RowHash() {
    }

    public static byte[] of(int[] row) {
        return of(row, 0, row.length, Generator.digest(), new byte[row.length * 4]);
    }

    /** With a caller's digest and scratch buffer (at least 4·length bytes), for the hot path. */
    public static byte[] of(int[] values, int offset, int length, MessageDigest digest, byte[] scratch) {
        for (int j = 0; j < length; j++) {
            int v = values[offset + j];
            int p = j << 2;
            scratch[p] = (byte) v;
            scratch[p + 1] = (byte) (v >>> 8);
            scratch[p + 2] = (byte) (v >>> 16);
            scratch[p + 3] = (byte) (v >>> 24);
        }
        digest.reset();
        digest.update(scratch, 0, length * 4);
        return digest.digest();
    }
}
