package com.computemarket.connector.backend.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.computemarket.connector.backend.BackendChoice;
import com.computemarket.connector.backend.Backends;
import com.computemarket.connector.backend.GpuOpening;
import com.computemarket.connector.backend.SyntheticCpuRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real CUDA driver probe on a machine without the NVIDIA driver (this build machine, CI): one clear line, and
 * --backend auto falls back to the CPU. Skipped where a driver is installed (a GPU machine runs gpucheck instead).
 */
class CudaDriverTest {

    static boolean driverInstalled() {
        return Files.exists(Path.of("/dev/nvidiactl")) || List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib",
                "/usr/local/nvidia/lib64", "/usr/lib/wsl/lib").stream().anyMatch(d -> Files.exists(Path.of(d, "libcuda.so.1")));
    }

    @Test
    void withoutTheDriverTheGpuIsUnusableBecauseLibcudaIsMissing() {
        assumeFalse(driverInstalled(), "this machine has an NVIDIA driver");
        CudaDriver.Unusable e = assertThrows(CudaDriver.Unusable.class, CudaDriver::devices);
        assertEquals("no CUDA driver: libcuda.so.1 was not found (the NVIDIA driver is not installed or not visible here)",
                e.getMessage());
        // asked again: the same line, although JCuda's class cannot be initialised twice
        assertEquals(e.getMessage(), assertThrows(CudaDriver.Unusable.class, CudaDriver::devices).getMessage());
        GpuOpening opening = GpuSyntheticRunner.open();
        assertTrue(opening instanceof GpuOpening.Unusable u && u.reason().equals(e.getMessage()), opening.toString());
    }

    @Test
    void autoFallsBackToTheCpuAndGpuSaysWhyInOneLine() {
        assumeFalse(driverInstalled(), "this machine has an NVIDIA driver");
        Backends auto = Backends.select(BackendChoice.AUTO, GpuSyntheticRunner::open, () -> new SyntheticCpuRunner(1));
        assertTrue(auto.runner("synthetic") instanceof SyntheticCpuRunner);
        assertTrue(auto.notice().orElseThrow().contains("libcuda.so.1 was not found"), auto.notice().toString());

        Backends gpu = Backends.select(BackendChoice.GPU, GpuSyntheticRunner::open, () -> new SyntheticCpuRunner(1));
        assertFalse(gpu.runner("synthetic").available());
        String line = gpu.runner("synthetic").describe();
        assertTrue(line.startsWith("the GPU backend is unusable: no CUDA driver: libcuda.so.1") && !line.contains("\n"), line);
    }

    @Test
    void aBindingThatFailsForAnotherReasonIsNamedByItsFirstLine() {
        UnsatisfiedLinkError other = new UnsatisfiedLinkError("Error while loading native library \"JCudaDriver-12.6.0-linux-x86_64\"\n"
                + "/tmp/libJCudaDriver.so: /lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found");
        assertEquals("the JCuda driver binding did not load: java.lang.UnsatisfiedLinkError: Error while loading native library "
                + "\"JCudaDriver-12.6.0-linux-x86_64\"", CudaDriver.whyNotLoaded(other));
        UnsatisfiedLinkError nested = new UnsatisfiedLinkError("Error while loading native library");
        nested.initCause(new UnsatisfiedLinkError("libcuda.so.1: cannot open shared object file: No such file or directory"));
        assertTrue(CudaDriver.whyNotLoaded(nested).startsWith("no CUDA driver: libcuda.so.1"));
    }

    @Test
    void aDeviceOlderThanAmpereIsNotSupported() {
        assertFalse(new CudaDevice(0, "Tesla T4", 7, 5, 16L << 30).supported());
        assertTrue(new CudaDevice(1, "NVIDIA H200", 9, 0, 141L << 30).supported());
        assertEquals("GPU 1: NVIDIA H200 (sm_90, 141.0 GiB)", new CudaDevice(1, "NVIDIA H200", 9, 0, 141L << 30).label());
    }
}
