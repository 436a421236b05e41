package com.computemarket.connector.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The PTX kept in src/main/resources is what src/main/cuda compiles to: bin/ptx records the sources' sha256 beside it,
 * this test recomputes that record (no nvcc needed), and with nvcc on the PATH recompiles and compares.
 */
class PtxFreshnessTest {

    static final Path SOURCES = Nvcc.MODULE.resolve("src/main/cuda");

    static Properties record() throws IOException {
        Properties p = new Properties();
        try (InputStream in = GpuLane.class.getResourceAsStream(GpuLane.PTX + ".properties")) {
            assertTrue(in != null, "synthetic.ptx.properties is missing beside the PTX: run bin/ptx");
            p.load(in);
        }
        return p;
    }

    /** bin/ptx's definition: sha256 over the lines "sha256  name" of the .cu, .cuh and nvcc.flags files, by name. */
    static String sourcesSha256() throws IOException {
        StringBuilder manifest = new StringBuilder();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches(".*\\.cuh?|nvcc\\.flags"))
                    .sorted((x, y) -> x.getFileName().toString().compareTo(y.getFileName().toString())).toList()) {
                manifest.append(sha256(Files.readAllBytes(f))).append("  ").append(f.getFileName()).append('\n');
            }
        }
        return sha256(manifest.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theKeptPtxWasCompiledFromTheCurrentSourcesAndFlags() throws IOException {
        assertEquals(record().getProperty("sources.sha256"), sourcesSha256(),
                "src/main/cuda changed since synthetic.ptx was made: run bin/ptx (needs nvcc) and commit the PTX");
    }

    @Test
    void theKeptPtxIsTheOneTheRecordDescribes() throws IOException {
        byte[] ptx = GpuLane.ptx();
        assertEquals(record().getProperty("ptx.sha256"), sha256(java.util.Arrays.copyOf(ptx, ptx.length - 1)),
                "synthetic.ptx was edited by hand or regenerated without its record: run bin/ptx --force");
    }

    @Test
    void thePtxDeclaresWhatTheDriversAndTheLoaderNeed() {
        String ptx = new String(GpuLane.ptx(), StandardCharsets.US_ASCII);
        // ISA 7.0 loads on drivers from CUDA 11.0 on; compute_80 is JIT-compiled for sm_80, sm_86, sm_89, sm_90, ...
        assertTrue(ptx.contains("\n.version 7.0\n") && ptx.contains("\n.target sm_80\n"), "PTX header");
        for (String entry : List.of("synthetic_geometry", "synthetic_generate", "synthetic_hash_rows", GpuKernel.MMA.function,
                GpuKernel.DP4A.function)) {
            assertTrue(ptx.contains(".visible .entry " + entry + "("), "entry " + entry);
        }
        assertTrue(ptx.contains("mma.sync.aligned.m16n8k32.row.col.s32.s8.s8.s32"), "the tensor-core product");
        assertEquals('\0', ptx.charAt(ptx.length() - 1), "cuModuleLoadData reads a NUL-terminated text");
    }

    @Test
    void nvccMakesTheKeptPtxFromTheSources() throws Exception {
        assumeTrue(Nvcc.onPath(), "nvcc is not on the PATH: the recompilation check needs it");
        Nvcc.Run check = Nvcc.run(List.of("bash", Nvcc.MODULE.resolve("../bin/ptx").normalize().toString(), "--check"));
        assertEquals(0, check.code(), check.output());
    }
}
