package com.computemarket.connector.backend.gpu;

import java.util.Locale;

/** One CUDA device as the driver reports it: ordinal, name, compute capability, memory. */
public record CudaDevice(int ordinal, String name, int major, int minor, long memoryBytes) {

    /** mma.sync m16n8k32 on int8, cp.async and ldmatrix: Ampere (8.0) and newer. */
    public static final int MIN_MAJOR = 8;

    public boolean supported() {
        return major >= MIN_MAJOR;
    }

    /** "GPU 0: NVIDIA H100 80GB HBM3 (sm_90, 79.1 GiB)". */
    public String label() {
        return String.format(Locale.ROOT, "GPU %d: %s (sm_%d%d, %.1f GiB)", ordinal, name, major, minor, memoryBytes / (double) (1L << 30));
    }
}
