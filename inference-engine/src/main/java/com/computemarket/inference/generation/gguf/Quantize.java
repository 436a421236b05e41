package com.computemarket.inference.generation.gguf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Float weights to the bytes of a ggml type, as ggml's reference quantisers do (used to write test models). */
public final class Quantize {

    private Quantize() {
    }

    public static byte[] encode(GgmlType type, float[] w) {
        ByteBuffer out = ByteBuffer.allocate((int) type.bytes(w.length)).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case F32 -> {
                for (float v : w) {
                    out.putFloat(v);
                }
            }
            case F16 -> {
                for (float v : w) {
                    out.putShort(Half.fromFloat(v));
                }
            }
            case Q8_0 -> {
                for (int b = 0; b < w.length; b += 32) {
                    float amax = 0;
                    for (int j = 0; j < 32; j++) {
                        amax = Math.max(amax, Math.abs(w[b + j]));
                    }
                    float d = amax / 127f;
                    float id = d != 0 ? 1f / d : 0f;
                    out.putShort(Half.fromFloat(d));
                    for (int j = 0; j < 32; j++) {
                        out.put((byte) Math.round(w[b + j] * id));
                    }
                }
            }
            case Q4_0 -> {
                for (int b = 0; b < w.length; b += 32) {
                    float amax = 0;
                    float max = 0;
                    for (int j = 0; j < 32; j++) {
                        float v = w[b + j];
                        if (Math.abs(v) > amax) {
                            amax = Math.abs(v);
                            max = v;
                        }
                    }
                    float d = max / -8f;
                    float id = d != 0 ? 1f / d : 0f;
                    out.putShort(Half.fromFloat(d));
                    for (int j = 0; j < 16; j++) {
                        int lo = Math.min(15, (int) (w[b + j] * id + 8.5f));
                        int hi = Math.min(15, (int) (w[b + 16 + j] * id + 8.5f));
                        out.put((byte) (lo | (hi << 4)));
                    }
                }
            }
        }
        return out.array();
    }
}
