package com.computemarket.devnet;

import java.io.ByteArrayOutputStream;

/**
 * Python 3.13's {@code bytes.fromhex}, error messages included: the node puts them verbatim into
 * {@code invalid_key_format: …} and {@code crypto_error: …}. Like Python it skips ASCII whitespace
 * between byte pairs and accepts upper-case digits.
 */
final class PythonHex {

    private PythonHex() {
    }

    /** A {@code ValueError} from {@code bytes.fromhex}; the message is Python's. */
    static final class FromHexError extends Exception {
        private static final long serialVersionUID = 1L;

        FromHexError(String message) {
            super(message, null, false, false);
        }
    }

    static byte[] fromHex(String text) throws FromHexError {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (isSpace(text.charAt(i))) {
                i++;
                continue;
            }
            int top = digit(text.charAt(i));
            if (top < 0) throw nonHex(i);
            i++;
            if (i >= n) throw new FromHexError("fromhex() arg must contain an even number of hexadecimal digits");
            int bot = digit(text.charAt(i));
            if (bot < 0) throw nonHex(i);
            i++;
            out.write(top << 4 | bot);
        }
        return out.toByteArray();
    }

    private static FromHexError nonHex(int position) {
        return new FromHexError("non-hexadecimal number found in fromhex() arg at position " + position);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
