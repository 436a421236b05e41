package com.computemarket.challenge.synthetic;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A worker's answer for one challenged row: the leaf index, the row's n int32 values, and the Merkle path (sibling
 * hashes from the leaf level up, 32 bytes each) from its row hash to result_hash.
 */
public record Opening(int leafIndex, int[] values, List<byte[]> path) {

    public Opening {
        values = values.clone();
        path = path.stream().map(byte[]::clone).toList();
    }

    /** With the path as hex strings (the wire form). */
    public static Opening ofHex(int leafIndex, int[] values, List<String> pathHex) {
        return new Opening(leafIndex, values, pathHex.stream().map(h -> Hex.decode("path entry", h, 32)).toList());
    }

    /**
     * With the values as base64 of their little-endian int32 bytes (the row hash's preimage; 4n bytes): the compact
     * wire form, about 5.4 bytes an entry against up to 12 as JSON numbers.
     */
    public static Opening ofBase64(int leafIndex, String valuesBase64, List<String> pathHex) {
        byte[] bytes = Base64.getDecoder().decode(valuesBase64);
        if (bytes.length % 4 != 0) {
            throw new IllegalArgumentException("values must be whole int32s; got " + bytes.length + " bytes");
        }
        int[] values = new int[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
        return ofHex(leafIndex, values, pathHex);
    }

    public String valuesBase64() {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(values);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    public List<String> pathHex() {
        return path.stream().map(Hex::of).toList();
    }

    @Override
    public int[] values() {
        return values.clone();
    }

    @Override
    public List<byte[]> path() {
        return path.stream().map(byte[]::clone).toList();
    }

    /** A copy with entry {@code column} replaced (for tests and the cheating mode). */
    public Opening withValue(int column, int value) {
        int[] v = values.clone();
        v[column] = value;
        return new Opening(leafIndex, v, path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Opening other && other.leafIndex == leafIndex && Arrays.equals(other.values, values)
                && other.pathHex().equals(pathHex());
    }

    @Override
    public int hashCode() {
        return 31 * leafIndex + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Opening[leaf " + leafIndex + ", " + values.length + " values, path of " + path.size() + "]";
    }
}
