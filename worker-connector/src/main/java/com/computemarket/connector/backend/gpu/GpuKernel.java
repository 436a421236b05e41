package com.computemarket.connector.backend.gpu;

/** Which kernel of synthetic.ptx multiplies: the tensor-core one (the backend's), or the dp4a one (a second opinion for gpucheck). */
public enum GpuKernel {
    MMA("synthetic_multiply_mma"), DP4A("synthetic_multiply_dp4a");

    final String function;

    GpuKernel(String function) {
        this.function = function;
    }
}
