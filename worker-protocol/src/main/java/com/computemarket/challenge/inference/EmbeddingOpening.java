package com.computemarket.challenge.inference;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A worker's answer for one challenged item: its index, the vector it committed to, and the Merkle path (sibling
 * hashes from the leaf level up) from the item's leaf to result_hash. Wire form: the vector as base64 of its float32
 * little-endian bytes (exactly the output hash's preimage), the path as hex.
 */
public record EmbeddingOpening(int index, float[] vector, List<byte[]> path) {

    public EmbeddingOpening {
        vector = vector.clone();
        path = path.stream().map(byte[]::clone).toList();
    }

    public static EmbeddingOpening ofBase64(int index, String vectorBase64, List<String> pathHex) {
        return new EmbeddingOpening(index, Digests.fromFloat32Le(Base64.getDecoder().decode(vectorBase64)),
                pathHex.stream().map(h -> Digests.unhex("path entry", h, 32)).toList());
    }

    public String vectorBase64() {
        return Base64.getEncoder().encodeToString(Digests.float32Le(vector));
    }

    public List<String> pathHex() {
        return path.stream().map(Digests::hex).toList();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public List<byte[]> path() {
        return path.stream().map(byte[]::clone).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmbeddingOpening other && other.index == index && Arrays.equals(other.vector, vector)
                && other.pathHex().equals(pathHex());
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "EmbeddingOpening[item " + index + ", " + vector.length + " floats, path of " + path.size() + "]";
    }
}
