package com.computemarket.challenge.inference;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, strict lower-case hex and the float32 little-endian encoding of a vector. */
final class Digests {

    private static final HexFormat HEX = HexFormat.of();

    private Digests() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    static byte[] sha256Utf8(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The vector as float32 little-endian, raw bits (no NaN canonicalisation: a NaN is refused before this). */
    static byte[] float32Le(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            bytes.putInt(Float.floatToRawIntBits(v));
        }
        return bytes.array();
    }

    static float[] fromFloat32Le(byte[] bytes) {
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("a vector is whole float32s; got " + bytes.length + " bytes");
        }
        float[] vector = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] unhex(String field, String text, int length) {
        if (text == null || text.length() != 2 * length) {
            throw new IllegalArgumentException(field + " must be " + 2 * length + " hex digits; got " + text);
        }
        return HEX.parseHex(text);
    }
}
