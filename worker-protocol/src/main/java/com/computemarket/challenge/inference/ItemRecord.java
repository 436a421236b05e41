package com.computemarket.challenge.inference;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What a worker commits to for item i: {@code be32(index) || SHA-256(input as UTF-8) || SHA-256(vector as float32
 * little-endian) || be32(dimension)}, 72 bytes; the Merkle leaf is SHA-256 of these bytes (72-byte preimages, never
 * 64 like an inner node's).
 */
public record ItemRecord(int index, byte[] inputSha256, byte[] outputSha256, int dimension) {

    public static final int BYTES = 72;

    public ItemRecord {
        if (index < 0 || dimension < 1 || inputSha256.length != 32 || outputSha256.length != 32) {
            throw new IllegalArgumentException("index >= 0, dimension >= 1, two 32-byte hashes");
        }
        inputSha256 = inputSha256.clone();
        outputSha256 = outputSha256.clone();
    }

    /** The record of {@code vector}, the embedding of {@code input}, at {@code index}. */
    public static ItemRecord of(int index, String input, float[] vector) {
        return new ItemRecord(index, Digests.sha256Utf8(input), vectorSha256(vector), vector.length);
    }

    /** SHA-256 of the vector's float32 little-endian bytes. */
    public static byte[] vectorSha256(float[] vector) {
        return Digests.sha256(Digests.float32Le(vector));
    }

    public byte[] canonicalBytes() {
        return ByteBuffer.allocate(BYTES).putInt(index).put(inputSha256).put(outputSha256).putInt(dimension).array();
    }

    public byte[] leafHash() {
        return Digests.sha256(canonicalBytes());
    }

    @Override
    public byte[] inputSha256() {
        return inputSha256.clone();
    }

    @Override
    public byte[] outputSha256() {
        return outputSha256.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ItemRecord r && r.index == index && r.dimension == dimension
                && Arrays.equals(r.inputSha256, inputSha256) && Arrays.equals(r.outputSha256, outputSha256);
    }

    @Override
    public int hashCode() {
        return 31 * index + Arrays.hashCode(outputSha256);
    }

    @Override
    public String toString() {
        return "ItemRecord[" + index + ", in " + Digests.hex(inputSha256) + ", out " + Digests.hex(outputSha256)
                + ", d " + dimension + "]";
    }
}
