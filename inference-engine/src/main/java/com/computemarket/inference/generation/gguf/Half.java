package com.computemarket.inference.generation.gguf;

/** IEEE 754 binary16 conversions, exact and bit-for-bit the same on every JDK (Float.float16ToFloat is Java 20+). */
public final class Half {

    private static final float[] TO_FLOAT = new float[1 << 16];

    static {
        for (int h = 0; h < TO_FLOAT.length; h++) {
            TO_FLOAT[h] = convert(h);
        }
    }

    private Half() {
    }

    public static float toFloat(int half) {
        return TO_FLOAT[half & 0xFFFF];
    }

    private static float convert(int h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0) {
            float magnitude = mant * 0x1p-24f; // exact: mant < 2^10
            return sign != 0 ? -magnitude : magnitude;
        }
        if (exp == 31) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** Round to nearest, ties to even, as ggml's and the hardware conversions do. */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int val = bits & 0x7FFFFFFF;
        if (val >= 0x7F800000) {
            return (short) (sign | 0x7C00 | (val > 0x7F800000 ? 0x200 : 0));
        }
        if (val >= 0x477FF000) {
            return (short) (sign | 0x7C00);
        }
        if (val < 0x38800000) {
            int exp = val >>> 23;
            if (exp < 102) {
                return (short) sign;
            }
            int mant = (val & 0x7FFFFF) | 0x800000;
            int shift = 126 - exp;
            int m = mant >>> shift;
            int rem = mant & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (rem > halfway || (rem == halfway && (m & 1) == 1)) {
                m++;
            }
            return (short) (sign | m);
        }
        int rounded = val + 0xFFF + ((val >>> 13) & 1);
        return (short) (sign | ((rounded - 0x38000000) >>> 13));
    }
}
