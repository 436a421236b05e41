package com.computemarket.connector.cli;

import com.computemarket.connector.backend.BackendChoice;
import picocli.CommandLine.Option;

/** {@code --backend gpu|cpu|auto} of run and bench. */
public final class BackendOptions {

    @Option(names = "--backend", paramLabel = "gpu|cpu|auto", defaultValue = "auto",
            description = "where synthetic jobs run: gpu (every usable CUDA device; refuses to start without one), cpu, "
                    + "or auto (the GPU when a CUDA driver and a device of compute capability 8.0+ are usable, else the CPU; "
                    + "default: ${DEFAULT-VALUE})")
    BackendChoice choice;
}
