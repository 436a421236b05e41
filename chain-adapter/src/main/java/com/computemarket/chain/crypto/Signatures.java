package com.computemarket.chain.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Signature verification with the node's exact semantics (ComputeChain b15c176 {@code keys.verify}
 * over python-ecdsa): r is the first 32 bytes, s is ALL remaining bytes (so {@code r || 00 || s}
 * verifies), high-S is accepted, r and s must lie in [1, n-1], the digest is used as is and must not
 * be longer than 32 bytes, and the public key may be compressed, uncompressed, hybrid or raw 64-byte.
 */
public final class Signatures {

    private Signatures() {
    }

    /** True when {@code signature} is a valid ECDSA signature of {@code digest} by {@code publicKey}; never throws. */
    public static boolean verify(byte[] digest, byte[] publicKey, byte[] signature) {
        if (digest == null || publicKey == null || signature == null) {
            return false;
        }
        // python-ecdsa: an empty digest cannot be turned into a number, a longer one is a BadDigestError
        if (digest.length == 0 || digest.length > 32 || signature.length <= 32) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, signature.length));
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(Secp256k1.N) >= 0 || s.compareTo(Secp256k1.N) >= 0) {
            return false;
        }
        ECPoint q = decodePoint(publicKey);
        if (q == null) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(q, Secp256k1.DOMAIN));
        try {
            return verifier.verifySignature(digest, r, s);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Hex convenience; malformed hex verifies as false, as the node's {@code bytes.fromhex} failure does. */
    public static boolean verify(String digestHex, String publicKeyHex, String signatureHex) {
        byte[] digest = Hexes.tryDecode(digestHex);
        byte[] pub = Hexes.tryDecode(publicKeyHex);
        byte[] sig = Hexes.tryDecode(signatureHex);
        return digest != null && pub != null && sig != null && verify(digest, pub, sig);
    }

    // VerifyingKey.from_string accepts raw (64), compressed (33), uncompressed (65, 04) and hybrid (65, 06/07) encodings
    private static ECPoint decodePoint(byte[] publicKey) {
        byte[] encoded = publicKey;
        if (publicKey.length == 64) {
            encoded = new byte[65];
            encoded[0] = 4;
            System.arraycopy(publicKey, 0, encoded, 1, 64);
        }
        boolean wellFormed = (encoded.length == 33 && (encoded[0] == 2 || encoded[0] == 3))
                || (encoded.length == 65 && (encoded[0] == 4 || encoded[0] == 6 || encoded[0] == 7));
        if (!wellFormed) {
            return null;
        }
        try {
            ECPoint p = Secp256k1.PARAMS.getCurve().decodePoint(encoded);
            return p.isInfinity() || !p.isValid() ? null : p;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
