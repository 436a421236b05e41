package com.computemarket.chain.crypto;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Original BIP-173 bech32 (checksum constant 1, not bech32m), as the reference Python code the node
 * uses: decoding splits at the last '1', accepts all-lower or all-upper input and at most 90 characters.
 */
public final class Bech32 {

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    /** A decoded bech32 string: the (lower-cased) human-readable part and the 5-bit data words. */
    public record Decoded(String hrp, byte[] words) {
        public Decoded {
            words = words.clone();
        }

        @Override
        public byte[] words() {
            return words.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Decoded d && d.hrp.equals(hrp) && Arrays.equals(d.words, words);
        }

        @Override
        public int hashCode() {
            return hrp.hashCode() * 31 + Arrays.hashCode(words);
        }

        @Override
        public String toString() {
            return "Decoded[hrp=" + hrp + ", words=" + Arrays.toString(words) + "]";
        }
    }

    private Bech32() {
    }

    /** bech32_encode: hrp is used as given (the node never upper-cases it). */
    public static String encode(String hrp, byte[] words) {
        int[] checksum = checksum(hrp, words);
        StringBuilder sb = new StringBuilder(hrp.length() + 1 + words.length + 6);
        sb.append(hrp).append('1');
        for (byte w : words) {
            sb.append(CHARSET.charAt(w));
        }
        for (int c : checksum) {
            sb.append(CHARSET.charAt(c));
        }
        return sb.toString();
    }

    /** bech32_decode: empty when the text is not valid bech32 (the Python code returns (None, None)). */
    public static Optional<Decoded> decode(String bech) {
        if (bech.length() > 90) {
            return Optional.empty();
        }
        boolean hasLower = false;
        boolean hasUpper = false;
        for (int i = 0; i < bech.length(); i++) {
            char c = bech.charAt(i);
            if (c < 33 || c > 126) {
                return Optional.empty();
            }
            hasLower |= c >= 'a' && c <= 'z';
            hasUpper |= c >= 'A' && c <= 'Z';
        }
        if (hasLower && hasUpper) {
            return Optional.empty();
        }
        String lower = bech.toLowerCase(Locale.ROOT);
        int pos = lower.lastIndexOf('1');
        if (pos < 1 || pos + 7 > lower.length()) {
            return Optional.empty();
        }
        byte[] data = new byte[lower.length() - pos - 1];
        for (int i = 0; i < data.length; i++) {
            int v = CHARSET.indexOf(lower.charAt(pos + 1 + i));
            if (v < 0) {
                return Optional.empty();
            }
            data[i] = (byte) v;
        }
        String hrp = lower.substring(0, pos);
        if (polymod(hrp, data, new int[0]) != 1) {
            return Optional.empty();
        }
        return Optional.of(new Decoded(hrp, Arrays.copyOf(data, data.length - 6)));
    }

    /** convertbits from the BIP-173 reference; empty where the reference returns None. */
    public static Optional<byte[]> convertBits(byte[] data, int fromBits, int toBits, boolean pad) {
        int acc = 0;
        int bits = 0;
        int maxv = (1 << toBits) - 1;
        int maxAcc = (1 << (fromBits + toBits - 1)) - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * fromBits / toBits + 1);
        for (byte b : data) {
            int value = b & 0xff;
            if (value >> fromBits != 0) {
                return Optional.empty();
            }
            acc = ((acc << fromBits) | value) & maxAcc;
            bits += fromBits;
            while (bits >= toBits) {
                bits -= toBits;
                out.write((acc >> bits) & maxv);
            }
        }
        if (pad) {
            if (bits > 0) {
                out.write((acc << (toBits - bits)) & maxv);
            }
        } else if (bits >= fromBits || ((acc << (toBits - bits)) & maxv) != 0) {
            return Optional.empty();
        }
        return Optional.of(out.toByteArray());
    }

    private static int[] checksum(String hrp, byte[] words) {
        int mod = polymod(hrp, words, new int[6]) ^ 1;
        int[] out = new int[6];
        for (int i = 0; i < 6; i++) {
            out[i] = (mod >> (5 * (5 - i))) & 31;
        }
        return out;
    }

    // polymod(hrp_expand(hrp) + data + tail)
    private static int polymod(String hrp, byte[] data, int[] tail) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) >> 5);
        }
        chk = step(chk, 0);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk, hrp.charAt(i) & 31);
        }
        for (byte d : data) {
            chk = step(chk, d);
        }
        for (int t : tail) {
            chk = step(chk, t);
        }
        return chk;
    }

    private static int step(int chk, int value) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++) {
            if (((top >> i) & 1) != 0) {
                chk ^= GENERATOR[i];
            }
        }
        return chk;
    }
}
