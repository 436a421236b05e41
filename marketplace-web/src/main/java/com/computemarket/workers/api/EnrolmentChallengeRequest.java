package com.computemarket.workers.api;

import jakarta.validation.constraints.Size;

/** Optional: with the address the answer carries the complete message to sign. */
public record EnrolmentChallengeRequest(
        @Size(max = 90, message = "address must be at most 90 characters") String address) {
}
