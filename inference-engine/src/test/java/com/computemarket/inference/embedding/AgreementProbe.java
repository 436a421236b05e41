package com.computemarket.inference.embedding;

import com.computemarket.challenge.inference.Comparison;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Compares two DeterminismProbe outputs item by item: identical items, and the cosine's minimum, 0.1 % quantile,
 * median and mean (docs/protocol/inference.md, "Comparison"):
 * {@code java -cp … AgreementProbe a.bin b.bin [dimension]}.
 */
public final class AgreementProbe {

    public static void main(String[] args) throws IOException {
        int d = args.length > 2 ? Integer.parseInt(args[2]) : 384;
        float[][] a = read(Path.of(args[0]), d);
        float[][] b = read(Path.of(args[1]), d);
        double[] cos = new double[a.length];
        int identical = 0;
        for (int i = 0; i < a.length; i++) {
            cos[i] = Comparison.cosine(a[i], b[i]);
            identical += Arrays.equals(a[i], b[i]) ? 1 : 0;
        }
        double[] sorted = cos.clone();
        Arrays.sort(sorted);
        System.out.printf("items=%d identical=%d cosine min=%.9f q0.001=%.9f median=%.9f max=%.9f (1-min=%.3g, 1-max=%.3g)%n",
                a.length, identical, sorted[0], sorted[(int) (0.001 * sorted.length)], sorted[sorted.length / 2],
                sorted[sorted.length - 1], 1 - sorted[0], 1 - sorted[sorted.length - 1]);
    }

    static float[][] read(Path file, int d) throws IOException {
        FloatBuffer floats = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[][] out = new float[floats.remaining() / d][d];
        for (float[] v : out) {
            floats.get(v);
        }
        return out;
    }
}
