package com.computemarket.challenge.synthetic;

import java.util.HexFormat;

/** Lower-case hex, strict on input. */
final class Hex {

    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    static String of(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Decodes exactly {@code length} bytes of lower- or upper-case hex, or throws IllegalArgumentException naming the field. */
    static byte[] decode(String field, String text, int length) {
        if (text == null || text.length() != 2 * length) {
            throw new IllegalArgumentException(field + " must be " + 2 * length + " hex digits; got " + text);
        }
        return HEX.parseHex(text);
    }
}
