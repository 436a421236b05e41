package com.computemarket.chain.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.util.encoders.Hex;

/**
 * A secp256k1 private key as ComputeChain uses it. Immutable and thread-safe.
 * {@link #toString()} never shows the key.
 */
public final class ChainKey {

    private final BigInteger d;
    private final ECPrivateKeyParameters privateParams;
    private final byte[] publicCompressed;
    private final ECPoint publicPoint;

    private ChainKey(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(Secp256k1.N) >= 0) {
            throw new IllegalArgumentException("private key out of range: must be in [1, n-1]");
        }
        this.d = d;
        this.privateParams = new ECPrivateKeyParameters(d, Secp256k1.DOMAIN);
        this.publicPoint = new FixedPointCombMultiplier().multiply(Secp256k1.DOMAIN.getG(), d).normalize();
        this.publicCompressed = publicPoint.getEncoded(true);
    }

    /** From 32 bytes of big-endian scalar, as the node's {@code SigningKey.from_string} takes it. */
    public static ChainKey fromBytes(byte[] privateKey) {
        if (privateKey.length != 32) {
            throw new IllegalArgumentException("private key must be 32 bytes, got " + privateKey.length);
        }
        return new ChainKey(new BigInteger(1, privateKey));
    }

    /** From 64 hex characters (an optional {@code 0x} prefix is tolerated). */
    public static ChainKey fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (h.length() != 64 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("private key must be 64 hex characters");
        }
        return fromBytes(Hex.decode(h));
    }

    public static ChainKey fromScalar(BigInteger d) {
        return new ChainKey(d);
    }

    public static ChainKey generate(SecureRandom random) {
        BigInteger d;
        do {
            d = new BigInteger(256, random);
        } while (d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0);
        return new ChainKey(d);
    }

    /** The 32-byte private scalar; handle with care. */
    public byte[] privateKeyBytes() {
        return BigIntegers.asUnsignedByteArray(32, d);
    }

    BigInteger scalar() {
        return d;
    }

    /** Compressed SEC1 public key, 33 bytes: the form the node hashes into addresses and expects in {@code pub_key}. */
    public byte[] publicKeyCompressed() {
        return publicCompressed.clone();
    }

    /** Uncompressed SEC1 public key, 65 bytes. */
    public byte[] publicKeyUncompressed() {
        return publicPoint.getEncoded(false);
    }

    public String publicKeyHex() {
        return Hex.toHexString(publicCompressed);
    }

    /** The account address ({@code cpc…}). */
    public String address() {
        return Addresses.fromPublicKey(publicCompressed, Addresses.HRP_ACCOUNT);
    }

    public String address(String hrp) {
        return Addresses.fromPublicKey(publicCompressed, hrp);
    }

    /**
     * ECDSA over {@code digest} used as the message hash as is (the node signs the raw 32 bytes of a
     * tx or header hash), with an RFC 6979 HMAC-SHA-256 nonce so signatures are reproducible. Returns
     * r || s, 32 bytes each. S is not normalised: the output equals python-ecdsa's
     * {@code sign_digest_deterministic} byte for byte, and the node accepts either half.
     */
    public byte[] sign(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("digest must be 32 bytes, got " + digest.length);
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateParams);
        BigInteger[] rs = signer.generateSignature(digest);
        byte[] out = new byte[64];
        BigIntegers.asUnsignedByteArray(rs[0], out, 0, 32);
        BigIntegers.asUnsignedByteArray(rs[1], out, 32, 32);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChainKey k && k.d.equals(d);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicCompressed);
    }

    @Override
    public String toString() {
        return "ChainKey[address=" + address() + "]";
    }
}
