package com.computemarket.challenge.synthetic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The counter-based int8 generator of the synthetic challenge. Every element of A and B is computable on its own:
 * <pre>
 *   key            = first 8 bytes of SHA-256(ASCII seed), big-endian, as an unsigned 64-bit integer
 *   word(t,m,p,w)  = splitmix64(key + (counter + 1) · 0x9E3779B97F4A7C15),
 *                    counter = t·2^33 + m·2^32 + p·2^16 + w            (all arithmetic mod 2^64)
 *   A[i][k]        = signed byte (k mod 8) of word(t, 0, i, k div 8)   (byte 0 = least significant)
 *   B[k][j]        = signed byte (k mod 8) of word(t, 1, j, k div 8)
 * </pre>
 * So a row of A and a column of B are each {@code n/8} words, generated along the dot product's index k; B comes
 * out column-major (Bᵀ row-major) with no transpose. {@code splitmix64(z)}: {@code z = (z ^ z>>>30)·0xBF58476D1CE4E5B9;
 * z = (z ^ z>>>27)·0x94D049BB133111EB; z ^ z>>>31}, Vigna's SplitMix64 finaliser: the word is the
 * (counter+1)-th output of a SplitMix64 seeded with key.
 */
public final class Generator {

    public static final long GAMMA = 0x9E3779B97F4A7C15L;
    public static final long MIX1 = 0xBF58476D1CE4E5B9L;
    public static final long MIX2 = 0x94D049BB133111EBL;
    public static final int MATRIX_A = 0;
    public static final int MATRIX_B = 1;

    private final long key;

    public Generator(String seed) {
        this.key = keyOf(seed);
    }

    /** The 64-bit key of a seed: the first 8 bytes of SHA-256 over its ASCII text, big-endian. */
    public static long keyOf(String seed) {
        byte[] digest = sha256(seed.getBytes(StandardCharsets.US_ASCII));
        long k = 0;
        for (int b = 0; b < 8; b++) {
            k = (k << 8) | (digest[b] & 0xFF);
        }
        return k;
    }

    public long key() {
        return key;
    }

    public static long splitmix64(long z) {
        z = (z ^ (z >>> 30)) * MIX1;
        z = (z ^ (z >>> 27)) * MIX2;
        return z ^ (z >>> 31);
    }

    /** The 64-bit word {@code w} (8 elements along k) of line {@code p} (row of A, column of B) of matrix {@code m}. */
    public long word(int iteration, int matrix, int line, int wordIndex) {
        long counter = ((long) iteration << 33) | ((long) matrix << 32) | ((long) line << 16) | wordIndex;
        return splitmix64(key + (counter + 1) * GAMMA);
    }

    /** A[row][col] of the given iteration. */
    public byte a(int iteration, int row, int col) {
        return (byte) (word(iteration, MATRIX_A, row, col >>> 3) >>> ((col & 7) << 3));
    }

    /** B[row][col] of the given iteration. */
    public byte b(int iteration, int row, int col) {
        return (byte) (word(iteration, MATRIX_B, col, row >>> 3) >>> ((row & 7) << 3));
    }

    /** Row {@code row} of A (n elements) into {@code out[offset …]}. */
    public void rowOfA(int iteration, int row, int n, byte[] out, int offset) {
        line(iteration, MATRIX_A, row, n, out, offset);
    }

    /** Column {@code col} of B (n elements, B[0][col] … B[n−1][col]) into {@code out[offset …]}. */
    public void columnOfB(int iteration, int col, int n, byte[] out, int offset) {
        line(iteration, MATRIX_B, col, n, out, offset);
    }

    public byte[] rowOfA(int iteration, int row, int n) {
        byte[] out = new byte[n];
        rowOfA(iteration, row, n, out, 0);
        return out;
    }

    public byte[] columnOfB(int iteration, int col, int n) {
        byte[] out = new byte[n];
        columnOfB(iteration, col, n, out, 0);
        return out;
    }

    /** All of A, row-major (n·n bytes). */
    public byte[] matrixA(int iteration, int n) {
        byte[] out = new byte[n * n];
        for (int i = 0; i < n; i++) {
            rowOfA(iteration, i, n, out, i * n);
        }
        return out;
    }

    /** All of B, column-major (Bᵀ row-major: element B[k][j] at j·n + k), as the product's inner loop wants it. */
    public byte[] matrixBTransposed(int iteration, int n) {
        byte[] out = new byte[n * n];
        for (int j = 0; j < n; j++) {
            columnOfB(iteration, j, n, out, j * n);
        }
        return out;
    }

    /** All of B, row-major (for the naive reference and the test vectors). */
    public byte[] matrixB(int iteration, int n) {
        byte[] bt = matrixBTransposed(iteration, n);
        byte[] out = new byte[n * n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                out[k * n + j] = bt[j * n + k];
            }
        }
        return out;
    }

    private void line(int iteration, int matrix, int line, int n, byte[] out, int offset) {
        int k = 0;
        for (int w = 0; k < n; w++) {
            long word = word(iteration, matrix, line, w);
            int end = Math.min(8, n - k);
            for (int b = 0; b < end; b++, k++) {
                out[offset + k] = (byte) (word >>> (b << 3));
            }
        }
    }

    static byte[] sha256(byte[] data) {
        return digest().digest(data);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
