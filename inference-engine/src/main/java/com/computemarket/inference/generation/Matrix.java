package com.computemarket.inference.generation;

import com.computemarket.inference.generation.gguf.GgmlType;
import com.computemarket.inference.generation.gguf.GgufFile;
import com.computemarket.inference.generation.gguf.GgufTensor;
import com.computemarket.inference.generation.gguf.Half;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A weight tensor seen as {@code rows} rows of {@code cols} weights (ggml dims {cols, rows}), read in place from the
 * mapped file. Every dot product has one fixed summation order, so its result is the same float on every JVM:
 * F32/F16 add {@code w[i]·x[i]} for i = 0, 1, …; Q8_0/Q4_0 add, per 32-weight block, {@code q[j]·x[j]} for
 * j = 0..31 into a block sum, then add {@code d · blockSum} to the row sum, block by block. Java's floating point
 * is strict (no fused multiply-add, no reassociation), so this order is what every JIT executes.
 */
final class Matrix {

    final GgmlType type;
    final int rows;
    final int cols;
    private final ByteBuffer data;
    private final long rowBytes;

    private Matrix(GgmlType type, int rows, int cols, ByteBuffer data) {
        this.type = type;
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.rowBytes = type.bytes(cols);
    }

    static Matrix of(GgufFile file, String name, int cols, int rows) throws IOException {
        GgufTensor t = file.tensor(name);
        long[] dims = t.dims();
        long actualRows = dims.length > 1 ? dims[1] : 1;
        for (int d = 2; d < dims.length; d++) {
            actualRows *= dims[d];
        }
        if (dims[0] != cols || actualRows != rows) {
            throw new IllegalArgumentException(name + " has dims " + java.util.Arrays.toString(dims)
                    + "; expected {" + cols + ", " + rows + "}");
        }
        return new Matrix(t.type(), rows, cols, file.data(t));
    }

    /** Row {@code r} · x (x has {@code cols} elements). */
    float dot(int r, float[] x) {
        int p = Math.toIntExact(r * rowBytes);
        ByteBuffer b = data;
        switch (type) {
            case F32 -> {
                float sum = 0f;
                for (int i = 0; i < cols; i++) {
                    sum += b.getFloat(p + 4 * i) * x[i];
                }
                return sum;
            }
            case F16 -> {
                float sum = 0f;
                for (int i = 0; i < cols; i++) {
                    sum += Half.toFloat(b.getShort(p + 2 * i)) * x[i];
                }
                return sum;
            }
            case Q8_0 -> {
                float sum = 0f;
                for (int i = 0; i < cols; i += 32, p += 34) {
                    float d = Half.toFloat(b.getShort(p));
                    float block = 0f;
                    for (int j = 0; j < 32; j += 8) {
                        // eight weights per load; the additions stay in index order
                        long w = b.getLong(p + 2 + j);
                        block += (byte) w * x[i + j];
                        block += (byte) (w >> 8) * x[i + j + 1];
                        block += (byte) (w >> 16) * x[i + j + 2];
                        block += (byte) (w >> 24) * x[i + j + 3];
                        block += (byte) (w >> 32) * x[i + j + 4];
                        block += (byte) (w >> 40) * x[i + j + 5];
                        block += (byte) (w >> 48) * x[i + j + 6];
                        block += (byte) (w >> 56) * x[i + j + 7];
                    }
                    sum += d * block;
                }
                return sum;
            }
            case Q4_0 -> {
                float sum = 0f;
                for (int i = 0; i < cols; i += 32, p += 18) {
                    float d = Half.toFloat(b.getShort(p));
                    float block = 0f;
                    for (int j = 0; j < 16; j++) {
                        block += ((b.get(p + 2 + j) & 0x0F) - 8) * x[i + j];
                    }
                    for (int j = 0; j < 16; j++) {
                        block += (((b.get(p + 2 + j) >> 4) & 0x0F) - 8) * x[i + 16 + j];
                    }
                    sum += d * block;
                }
                return sum;
            }
            default -> throw new IllegalStateException(type.toString());
        }
    }

    /** Row {@code r} dequantised into {@code out} (an embedding lookup). */
    void row(int r, float[] out) {
        int p = Math.toIntExact(r * rowBytes);
        ByteBuffer b = data;
        switch (type) {
            case F32 -> {
                for (int i = 0; i < cols; i++) {
                    out[i] = b.getFloat(p + 4 * i);
                }
            }
            case F16 -> {
                for (int i = 0; i < cols; i++) {
                    out[i] = Half.toFloat(b.getShort(p + 2 * i));
                }
            }
            case Q8_0 -> {
                for (int i = 0; i < cols; i += 32, p += 34) {
                    float d = Half.toFloat(b.getShort(p));
                    for (int j = 0; j < 32; j++) {
                        out[i + j] = d * b.get(p + 2 + j);
                    }
                }
            }
            case Q4_0 -> {
                for (int i = 0; i < cols; i += 32, p += 18) {
                    float d = Half.toFloat(b.getShort(p));
                    for (int j = 0; j < 16; j++) {
                        out[i + j] = d * ((b.get(p + 2 + j) & 0x0F) - 8);
                        out[i + 16 + j] = d * (((b.get(p + 2 + j) >> 4) & 0x0F) - 8);
                    }
                }
            }
            default -> throw new IllegalStateException(type.toString());
        }
    }

    /** A 1-D F32 tensor (norm weights) as a float array. */
    static float[] vector(GgufFile file, String name, int length) throws IOException {
        Matrix m = of(file, name, length, 1);
        float[] out = new float[length];
        m.row(0, out);
        return out;
    }
}
