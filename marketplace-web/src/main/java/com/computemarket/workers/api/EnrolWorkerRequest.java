package com.computemarket.workers.api;

import com.computemarket.workers.application.EnrolWorker;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * POST /api/workers: the address, its public key and the signature over the enrolment message (hex), the nonce of
 * the challenge, the GPUs (may be empty for a CPU-only worker) and the challenge types it runs.
 */
public record EnrolWorkerRequest(
        @NotBlank(message = "address is required, a cpc1… account address")
        @Size(max = 90, message = "address must be at most 90 characters") String address,
        @JsonbProperty("public_key")
        @NotBlank(message = "public_key is required, hex of the compressed or uncompressed secp256k1 key")
        @Size(max = 132, message = "public_key must be at most 132 hex characters") String publicKey,
        @NotBlank(message = "signature is required, hex of r || s (128 hex characters)")
        @Size(max = 132, message = "signature must be at most 132 hex characters") String signature,
        @NotBlank(message = "nonce is required, from POST /api/workers/enrolment-challenges")
        @Size(max = 64, message = "nonce must be 64 hex characters") String nonce,
        @Size(max = 64, message = "at most 64 gpus per worker")
        List<@NotNull(message = "gpus must not contain null") @Valid GpuRequest> gpus,
        @JsonbProperty("challenge_types")
        @NotEmpty(message = "challenge_types must name at least one of synthetic, inference, training, rendering, simulation")
        @Size(max = 5, message = "challenge_types has at most 5 entries")
        List<@NotBlank(message = "challenge_types must not contain blanks") String> challengeTypes) {

    EnrolWorker toCommand() {
        return new EnrolWorker(address, publicKey, signature, nonce,
                gpus == null ? List.of() : gpus.stream().map(GpuRequest::toGpu).toList(), challengeTypes);
    }
}
