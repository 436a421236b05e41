package com.computemarket.inference.generation.gguf;

/** The ggml tensor types this engine reads, with their ggml ids and block layout (elements and bytes per block). */
public enum GgmlType {
    F32(0, 1, 4),
    F16(1, 1, 2),
    /** 32 weights: f16 scale d, then 16 bytes of 4-bit q (low nibbles elements 0..15, high 16..31); w = d·(q − 8). */
    Q4_0(2, 32, 18),
    /** 32 weights: f16 scale d, then 32 int8 q; w = d·q. */
    Q8_0(8, 32, 34);

    public final int id;
    public final int blockElements;
    public final int blockBytes;

    GgmlType(int id, int blockElements, int blockBytes) {
        this.id = id;
        this.blockElements = blockElements;
        this.blockBytes = blockBytes;
    }

    public static GgmlType of(int id) {
        for (GgmlType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        throw new IllegalArgumentException("ggml tensor type " + id + " is not supported (F32, F16, Q4_0, Q8_0 are)");
    }

    /** Bytes of {@code elements} weights (a multiple of the block size). */
    public long bytes(long elements) {
        if (elements % blockElements != 0) {
            throw new IllegalArgumentException(this + " needs a multiple of " + blockElements + " elements; got " + elements);
        }
        return elements / blockElements * blockBytes;
    }
}
