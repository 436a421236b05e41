package com.computemarket.chain.crypto;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** The two hash functions ComputeChain uses. */
public final class Hashes {

    private Hashes() {
    }

    public static byte[] sha256(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    /** SHA-256 of the concatenation of two byte arrays (a Merkle parent) without copying them together. */
    public static byte[] sha256(byte[] left, byte[] right) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(left, 0, left.length);
        digest.update(right, 0, right.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    /** RIPEMD160(SHA256(data)), the address hash. */
    public static byte[] hash160(byte[] data) {
        byte[] sha = sha256(data);
        RIPEMD160Digest digest = new RIPEMD160Digest();
        digest.update(sha, 0, sha.length);
        byte[] out = new byte[20];
        digest.doFinal(out, 0);
        return out;
    }
}
