package com.computemarket.chain.crypto;

import java.io.ByteArrayOutputStream;

/** Hex parsing with Python's {@code bytes.fromhex} rules, as the node decodes keys and signatures. */
public final class Hexes {

    private Hexes() {
    }

    /**
     * {@code bytes.fromhex}: pairs of hex digits (either case), ASCII whitespace allowed between pairs;
     * null where Python raises ValueError.
     */
    public static byte[] tryDecode(String hex) {
        if (hex == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(hex.length() / 2);
        int i = 0;
        while (i < hex.length()) {
            char c = hex.charAt(i);
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                i++;
                continue;
            }
            if (i + 1 >= hex.length()) {
                return null;
            }
            int hi = digit(c);
            int lo = digit(hex.charAt(i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out.write(hi << 4 | lo);
            i += 2;
        }
        return out.toByteArray();
    }

    /** As {@link #tryDecode(String)}, throwing {@link IllegalArgumentException} naming {@code what}. */
    public static byte[] decode(String hex, String what) {
        byte[] out = tryDecode(hex);
        if (out == null) {
            throw new IllegalArgumentException(what + " is not hex: "
                    + (hex == null ? "null" : hex.length() > 20 ? hex.substring(0, 20) + "…" : hex));
        }
        return out;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
