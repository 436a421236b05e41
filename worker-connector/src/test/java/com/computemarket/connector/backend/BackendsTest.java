package com.computemarket.connector.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.workerprotocol.WireMessage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** --backend gpu|cpu|auto over a GPU that opens or does not. */
class BackendsTest {

    final JobRunner cpu = new Named("cpu");
    final JobRunner gpuRunner = new Named("gpu");
    final AtomicInteger gpuOpened = new AtomicInteger();

    Supplier<GpuOpening> gpu(GpuOpening opening) {
        return () -> {
            gpuOpened.incrementAndGet();
            return opening;
        };
    }

    final GpuOpening noDriver = new GpuOpening.Unusable("no CUDA driver: libcuda.so.1 was not found");

    @Test
    void autoTakesAUsableGpuAndSaysNothing() {
        Backends b = Backends.select(BackendChoice.AUTO, gpu(new GpuOpening.Opened(gpuRunner)), () -> cpu);
        assertSame(gpuRunner, b.runner("synthetic"));
        assertTrue(b.notice().isEmpty());
    }

    @Test
    void autoWithoutAGpuRunsOnTheCpuAndSaysWhy() {
        Backends b = Backends.select(BackendChoice.AUTO, gpu(noDriver), () -> cpu);
        assertSame(cpu, b.runner("synthetic"));
        assertEquals("GPU backend not used (no CUDA driver: libcuda.so.1 was not found); synthetic jobs run on the CPU",
                b.notice().orElseThrow());
    }

    @Test
    void gpuAskedForWithoutAGpuIsAnUnavailableBackendWithTheReason() {
        Backends b = Backends.select(BackendChoice.GPU, gpu(new GpuOpening.Unusable("cuInit failed with CUDA_ERROR_NO_DEVICE")),
                () -> cpu);
        JobRunner runner = b.runner("synthetic");
        assertFalse(runner.available());
        assertEquals("the GPU backend is unusable: cuInit failed with CUDA_ERROR_NO_DEVICE", runner.describe());
    }

    @Test
    void cpuNeverTouchesTheGpu() {
        Backends b = Backends.select(BackendChoice.CPU, gpu(new GpuOpening.Opened(gpuRunner)), () -> cpu);
        assertSame(cpu, b.runner("synthetic"));
        assertEquals(0, gpuOpened.get());
    }

    @Test
    void gpuAskedForAndUsableIsTheGpu() {
        assertSame(gpuRunner, Backends.select(BackendChoice.GPU, gpu(new GpuOpening.Opened(gpuRunner)), () -> cpu).runner("synthetic"));
    }

    @Test
    void stageTimesGiveTheProductsTopsFromItsKernelTimeAlone() {
        StageTimes t = new StageTimes(8192, 10, 0.01, 1.0, 0.02, 0.001, 0.05, 1.2);
        assertEquals(2.0 * 8192 * 8192 * 8192 * 10 / 1e12, t.productTops(), 1e-9);
        assertTrue(t.describe().contains("in 1.0000 s of kernel time: 11.0 TOPS"), t.describe());
    }

    record Named(String name) implements JobRunner {
        @Override
        public JobOutcome run(WireMessage.JobAssignment job, ProgressListener progress) {
            return new JobOutcome.Completed(name, null);
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String describe() {
            return name;
        }
    }
}
