package com.computemarket.workers.api;

import com.computemarket.workers.domain.Gpu;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** One GPU as the operator declares it. */
public record GpuRequest(
        @NotBlank(message = "gpus[].model is required")
        @Size(max = 100, message = "gpus[].model must be at most 100 characters") String model,
        @JsonbProperty("memory_mb")
        @NotNull(message = "gpus[].memory_mb is required, in MiB")
        @Positive(message = "gpus[].memory_mb must be positive")
        @Max(value = Gpu.MAX_MEMORY_MB, message = "gpus[].memory_mb must be at most " + Gpu.MAX_MEMORY_MB) Integer memoryMb,
        @JsonbProperty("compute_capability")
        @NotNull(message = "gpus[].compute_capability is required, such as \"8.9\"")
        @Pattern(regexp = "\\d{1,2}\\.\\d{1,2}", message = "gpus[].compute_capability must look like \"8.9\"") String computeCapability,
        @NotBlank(message = "gpus[].driver is required, such as \"550.54.14\"")
        @Size(max = 64, message = "gpus[].driver must be at most 64 characters") String driver) {

    Gpu toGpu() {
        return new Gpu(model, memoryMb, computeCapability, driver);
    }
}
