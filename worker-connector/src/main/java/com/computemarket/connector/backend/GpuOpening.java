package com.computemarket.connector.backend;

/** The outcome of trying to start the GPU backend: a runner on every usable device, or the one-line reason why not. */
public sealed interface GpuOpening {

    record Opened(JobRunner runner) implements GpuOpening {
    }

    /** {@code reason}: one line naming the cause (no libcuda.so.1, a cuInit error's name, no device, PTX load failure). */
    record Unusable(String reason) implements GpuOpening {
    }
}
