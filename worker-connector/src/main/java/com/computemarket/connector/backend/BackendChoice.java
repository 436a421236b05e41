package com.computemarket.connector.backend;

/** Which backend computes synthetic jobs ({@code --backend}): the GPU when usable, else the CPU ({@link #AUTO}); or one of them. */
public enum BackendChoice {
    AUTO, GPU, CPU
}
