package com.computemarket.connector.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.computemarket.challenge.synthetic.CpuBackend;
import com.computemarket.challenge.synthetic.Generator;
import com.computemarket.challenge.synthetic.RowHash;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CUDA C of the kernels, run on the CPU, computes what worker-protocol's Java reference computes. nvcc compiles
 * src/test/cuda/host_check.cu, which calls the very __host__ __device__ functions of src/main/cuda/synthetic.cuh the
 * kernels call (generator words with the padding, dp4a, SHA-256 of a row) and emulates the tensor-core kernel's
 * geometry; every element it prints is compared with {@link Generator}, {@link CpuBackend} and {@link RowHash}.
 * Skipped without nvcc. What it cannot show: that the device executes mma.sync, ldmatrix and cp.async as the PTX ISA
 * says (that is gpucheck's job on a GPU).
 */
class CudaHostLogicTest {

    static final String SEED = "1234abcd5678ef90";
    static Path harness;

    @TempDir
    static Path build;

    @BeforeAll
    static void compileTheHarness() throws Exception {
        assumeTrue(Nvcc.onPath(), "nvcc is not on the PATH: the host harness needs it");
        harness = build.resolve("host_check");
        Nvcc.Run compile = Nvcc.run(List.of("nvcc", "-x", "cu", "-O2", "-std=c++17", "-I", "src/main/cuda",
                "src/test/cuda/host_check.cu", "-o", harness.toString()));
        assertEquals(0, compile.code(), compile.output());
    }

    /** What the harness printed for one size. */
    record Printed(Map<String, List<String>> lines) {
        List<String> of(String tag) {
            return lines.getOrDefault(tag, List.of());
        }
    }

    static Map<Integer, Printed> harness(String seed, int iteration, String... sizes) throws Exception {
        List<String> command = new ArrayList<>(List.of(harness.toString(), Long.toHexString(Generator.keyOf(seed)),
                Integer.toUnsignedString(iteration)));
        command.addAll(List.of(sizes));
        Nvcc.Run run = Nvcc.run(command);
        assertEquals(0, run.code(), run.output());
        Map<Integer, Printed> bySize = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String line : run.output().split("\n")) {
            if (line.startsWith("n ")) {
                current = new LinkedHashMap<>();
                bySize.put(Integer.parseInt(line.substring(2)), new Printed(current));
            } else if (current != null && !line.isBlank()) {
                String tag = line.startsWith("padding") || line.startsWith("dp4a") || line.startsWith("tiles")
                        ? line.substring(0, line.lastIndexOf(' ')) : line.substring(0, 1);
                current.computeIfAbsent(tag, t -> new ArrayList<>()).add(line.substring(tag.length()).strip());
            }
        }
        return bySize;
    }

    static int[] numbers(String line) {
        String[] f = line.split(" ");
        return Arrays.stream(f, 1, f.length).mapToInt(Integer::parseInt).toArray(); // f[0] is the row index
    }

    /** Generator, product and row hashes of the CUDA C against the Java reference, and the zero padding, for one size. */
    static void assertMatchesTheReference(String seed, int iteration, int n, Printed p, boolean elements) {
        Generator g = new Generator(seed);
        byte[] a = g.matrixA(iteration, n);
        byte[] b = g.matrixB(iteration, n);
        int[] c = new CpuBackend().multiply(a, g.matrixBTransposed(iteration, n), n);
        if (elements) {
            assertEquals(n, p.of("A").size());
            for (int i = 0; i < n; i++) {
                int[] row = numbers(p.of("A").get(i));
                int[] brow = numbers(p.of("B").get(i));
                int[] crow = numbers(p.of("C").get(i));
                for (int k = 0; k < n; k++) {
                    assertEquals(a[i * n + k], row[k], "A[" + i + "][" + k + "] n=" + n);
                    assertEquals(b[i * n + k], brow[k], "B[" + i + "][" + k + "] n=" + n);
                }
                assertArrayEquals(Arrays.copyOfRange(c, i * n, i * n + n), crow, "C row " + i + " n=" + n);
            }
        }
        assertEquals(n, p.of("H").size());
        for (int i = 0; i < n; i++) {
            String expected = HexFormat.of().formatHex(RowHash.of(Arrays.copyOfRange(c, i * n, i * n + n)));
            assertEquals(i + " " + expected, p.of("H").get(i), "row hash " + i + " n=" + n);
        }
        assertEquals(List.of("0"), p.of("padding nonzero"), "padding beyond n must be zero (n=" + n + ")");
        assertEquals(List.of("0"), p.of("dp4a differs"), "the emulated tensor-core kernel and dp4a disagree (n=" + n + ")");
        assertEquals(List.of("0"), p.of("tiles visited wrongly"), "every tile of C exactly once (n=" + n + ")");
    }

    @Test
    void generatorProductAndRowHashesMatchTheJavaReferenceAcrossPaddingAndShaTails() throws Exception {
        // 13, 14, 15, 16, 17: the SHA-256 tail (length in the same or in an extra block); 1 and 130: padding to 128, 256
        String[] sizes = {"1", "4", "8", "13", "14", "15", "16", "17", "31", "33", "130"};
        Map<Integer, Printed> printed = harness(SEED, 7, sizes);
        assertEquals(sizes.length, printed.size());
        printed.forEach((n, p) -> assertMatchesTheReference(SEED, 7, n, p, true));
    }

    @Test
    void theSpecsTestVectorComesOutOfTheCudaCode() throws Exception {
        Printed p = harness(SEED, 0, "4").get(4);
        assertEquals("0 12342 -6212 12924 6356", p.of("C").get(0)); // docs/protocol/synthetic-challenge.md section 10
        assertEquals("3 9d4271e313af73d4a24b002a97ef36e58c6eebfcfc336259c2ec1e8cc6f3633e", p.of("H").get(3));
    }

    @Test
    void aLargeIterationNumberReachesTheCounterUnchanged() throws Exception {
        int iteration = 2_000_000_000; // t·2^33 overflows 32 bits: the counter must be built in 64
        harness(SEED, iteration, "5", "40").forEach((n, p) -> assertMatchesTheReference(SEED, iteration, n, p, true));
    }

    @Test
    void severalTilesInTheGroupedOrderGiveTheReferenceRowHashes() throws Exception {
        // 1100 → ld 1152: 9 × 9 block tiles, a group of 8 row panels and a group of 1
        Map<Integer, Printed> printed = harness("c0ffee", 3, "--hashes-only", "300", "1100");
        printed.forEach((n, p) -> assertMatchesTheReference("c0ffee", 3, n, p, false));
        assertTrue(printed.containsKey(1100));
    }
}
