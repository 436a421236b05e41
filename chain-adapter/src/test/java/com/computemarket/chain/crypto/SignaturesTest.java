package com.computemarket.chain.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void randomKeysSignAndVerifyBothSForms() {
        for (int i = 0; i < 20; i++) {
            ChainKey key = ChainKey.generate(RANDOM);
            byte[] digest = new byte[32];
            RANDOM.nextBytes(digest);
            byte[] sig = key.sign(digest);
            assertTrue(Signatures.verify(digest, key.publicKeyCompressed(), sig));
            assertTrue(Signatures.verify(digest, key.publicKeyUncompressed(), sig));
            assertTrue(Signatures.verify(digest, Arrays.copyOfRange(key.publicKeyUncompressed(), 1, 65), sig),
                    "python-ecdsa takes a raw 64-byte key too");
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
            byte[] otherS = sig.clone();
            BigIntegers.asUnsignedByteArray(key.scalar().signum() > 0 ? curveN().subtract(s) : s, otherS, 32, 32);
            assertTrue(Signatures.verify(digest, key.publicKeyCompressed(), otherS), "n - s verifies as well");
            byte[] longer = new byte[65];
            System.arraycopy(sig, 0, longer, 0, 32);
            System.arraycopy(sig, 32, longer, 33, 32);
            assertTrue(Signatures.verify(digest, key.publicKeyCompressed(), longer), "r || 00 || s verifies");
        }
    }

    @Test
    void malformedInputsAreFalseNotExceptions() {
        ChainKey key = ChainKey.generate(RANDOM);
        byte[] digest = new byte[32];
        byte[] sig = key.sign(digest);
        byte[] pub = key.publicKeyCompressed();
        assertFalse(Signatures.verify(new byte[33], pub, sig), "digest longer than 32 bytes");
        assertFalse(Signatures.verify(new byte[0], pub, sig));
        assertFalse(Signatures.verify(digest, new byte[33], sig));
        assertFalse(Signatures.verify(digest, Arrays.copyOf(pub, 32), sig));
        assertFalse(Signatures.verify(digest, pub, Arrays.copyOf(sig, 32)));
        assertFalse(Signatures.verify(null, pub, sig));
        assertFalse(Signatures.verify("zz", key.publicKeyHex(), "00"));
        assertFalse(Signatures.verify(digest, pub, new byte[64]));
    }

    @Test
    void keyParsing() {
        assertThrows(IllegalArgumentException.class, () -> ChainKey.fromHex("00".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> ChainKey.fromHex(curveN().toString(16)));
        assertThrows(IllegalArgumentException.class, () -> ChainKey.fromHex("01"));
        assertThrows(IllegalArgumentException.class, () -> ChainKey.fromHex("zz".repeat(32)));
        assertEquals(ChainKey.fromHex("01".repeat(32)), ChainKey.fromHex("0x" + "01".repeat(32)));
        ChainKey key = ChainKey.fromHex("4f3edf982522b4e51b7e8b5f2f9c4d1d7a9e5f8c2b6d4e1a3c5b7d9e0f1a2b3c");
        assertFalse(key.toString().contains("4f3edf98"));
        assertFalse(key.toString().toLowerCase().contains("2b3c"));
        assertThrows(IllegalArgumentException.class, () -> key.sign(new byte[31]));
    }

    @Test
    void hexFollowsBytesFromhex() {
        assertEquals("0aff", org.bouncycastle.util.encoders.Hex.toHexString(Hexes.tryDecode(" 0A\tff\n")));
        assertEquals(0, Hexes.tryDecode("").length);
        assertEquals(null, Hexes.tryDecode("0 a"));
        assertEquals(null, Hexes.tryDecode("abc"));
        assertEquals(null, Hexes.tryDecode("zz"));
        assertEquals(null, Hexes.tryDecode("\u0661\u0661"));
        assertThrows(IllegalArgumentException.class, () -> Hexes.decode("x", "pub_key"));
    }

    private static BigInteger curveN() {
        return Secp256k1.N;
    }
}
