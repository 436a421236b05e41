package com.computemarket.workers.domain;

import com.computemarket.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.regex.Pattern;

/**
 * One GPU of a worker as its operator declares it: model ("NVIDIA RTX 4090"), memory in MiB, CUDA compute
 * capability ("8.9") and driver version ("550.54.14"). Declared, not measured: verification decides what it is worth.
 */
@Embeddable
public record Gpu(
        @Column(name = "model", nullable = false, length = 100) String model,
        @Column(name = "memory_mb", nullable = false) int memoryMb,
        @Column(name = "compute_capability", nullable = false, length = 8) String computeCapability,
        @Column(name = "driver", nullable = false, length = 64) String driver) {

    public static final int MAX_MEMORY_MB = 1 << 20;
    private static final Pattern CAPABILITY = Pattern.compile("\\d{1,2}\\.\\d{1,2}");

    public Gpu {
        if (model == null || model.isBlank() || model.length() > 100) {
            throw DomainException.invalid("invalid-gpu", "gpu model is required, at most 100 characters");
        }
        if (memoryMb <= 0 || memoryMb > MAX_MEMORY_MB) {
            throw DomainException.invalid("invalid-gpu", "gpu memory_mb must be between 1 and " + MAX_MEMORY_MB
                    + "; got " + memoryMb);
        }
        if (computeCapability == null || !CAPABILITY.matcher(computeCapability).matches()) {
            throw DomainException.invalid("invalid-gpu", "gpu compute_capability must look like \"8.9\"; got \""
                    + computeCapability + "\"");
        }
        if (driver == null || driver.isBlank() || driver.length() > 64) {
            throw DomainException.invalid("invalid-gpu", "gpu driver is required, at most 64 characters");
        }
        model = model.strip();
        driver = driver.strip();
    }
}
