package com.computemarket.chain.crypto;

import org.bouncycastle.util.encoders.Hex;

/** Hex parsing with Python's {@code bytes.fromhex} strictness for the values the node exchanges. */
public final class Hexes {

    private Hexes() {
    }

    /** Decodes an even-length string of hex digits (either case); null when it is not one. */
    public static byte[] tryDecode(String hex) {
        if (hex == null || (hex.length() & 1) != 0) {
            return null;
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0 || hex.charAt(i) > 'f') {
                return null;
            }
        }
        return Hex.decode(hex);
    }

    /** Decodes hex or throws {@link IllegalArgumentException} naming what was wrong. */
    public static byte[] decode(String hex, String what) {
        byte[] out = tryDecode(hex);
        if (out == null) {
            throw new IllegalArgumentException(what + " is not hex: " + abbreviate(hex));
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
