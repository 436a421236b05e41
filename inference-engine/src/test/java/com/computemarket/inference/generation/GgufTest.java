package com.computemarket.inference.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.inference.generation.gguf.GgmlType;
import com.computemarket.inference.generation.gguf.GgufFile;
import com.computemarket.inference.generation.gguf.GgufWriter;
import com.computemarket.inference.generation.gguf.Half;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufTest {

    @TempDir
    Path dir;

    @Test
    void metadataAndTensorsRoundTripThroughTheWriterAndReader() throws IOException {
        Path file = dir.resolve("t.gguf");
        float[] w = new float[64];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i - 32) / 8f;
        }
        new GgufWriter().string("general.name", "x").u32("n", 7).f32("f", 0.5f).bool("b", true)
                .strings("s", List.of("a", "\u2581b")).f32s("fs", new float[] {1.5f}).i32s("is", new int[] {-3})
                .tensor("w", GgmlType.F32, new long[] {32, 2}, () -> w)
                .tensor("q", GgmlType.Q8_0, new long[] {64}, () -> w)
                .write(file);
        try (GgufFile g = GgufFile.open(file)) {
            assertEquals(3, g.version());
            assertEquals("x", g.string("general.name"));
            assertEquals(7L, g.integer("n"));
            assertEquals(0.5, g.real("f", 0));
            assertEquals(true, g.metadata().get("b"));
            assertEquals(List.of("a", "\u2581b"), g.array("s"));
            assertEquals(List.of(1.5), g.array("fs"));
            assertEquals(List.of(-3L), g.array("is"));
            assertArrayEquals(new long[] {32, 2}, g.tensor("w").dims());
            assertEquals(0, g.tensor("w").offset() % 32);
            assertEquals(0, g.tensor("q").offset() % 32);
            assertEquals(-4f, g.data(g.tensor("w")).getFloat(0));
            assertEquals(68, g.tensor("q").bytes());
        }
    }

    @Test
    void aFileThatIsNotGgufIsRefused() throws IOException {
        Path file = dir.resolve("x.gguf");
        Files.write(file, new byte[64]);
        assertThrows(IOException.class, () -> GgufFile.open(file));
    }

    @Test
    void halfConversionRoundTripsEveryFiniteHalf() {
        for (int h = 0; h < 1 << 16; h++) {
            float f = Half.toFloat(h);
            if (!Float.isNaN(f)) {
                assertEquals(h, Half.fromFloat(f) & 0xFFFF, "half " + Integer.toHexString(h));
            }
        }
        assertEquals(0x3C00, Half.fromFloat(1f) & 0xFFFF);
        assertEquals(0x7C00, Half.fromFloat(65520f) & 0xFFFF);
        assertEquals(0x7BFF, Half.fromFloat(65519f) & 0xFFFF);
        assertEquals(0x0001, Half.fromFloat(0x1p-24f) & 0xFFFF);
    }

    @Test
    void quantisedDotProductsMatchTheDequantisedWeights() throws IOException {
        float[] w = new float[128];
        float[] x = new float[64];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i * 0.7);
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.cos(i * 0.3);
        }
        for (GgmlType type : GgmlType.values()) {
            Path file = dir.resolve(type + ".gguf");
            new GgufWriter().tensor("w", type, new long[] {64, 2}, () -> w).write(file);
            try (GgufFile g = GgufFile.open(file)) {
                Matrix m = Matrix.of(g, "w", 64, 2);
                for (int r = 0; r < 2; r++) {
                    float[] row = new float[64];
                    m.row(r, row);
                    double expected = 0;
                    double quantError = 0;
                    for (int i = 0; i < 64; i++) {
                        expected += (double) row[i] * x[i];
                        quantError = Math.max(quantError, Math.abs(row[i] - w[r * 64 + i]));
                    }
                    assertEquals(expected, m.dot(r, x), 1e-4, type + " row " + r);
                    double bound = switch (type) {
                        case F32 -> 0;
                        case F16 -> 1e-3;
                        case Q8_0 -> 1.0 / 127;
                        case Q4_0 -> 1.0 / 8 + 1e-6;
                    };
                    assertTrue(quantError <= bound, type + " quantisation error " + quantError);
                }
            }
        }
    }
}
