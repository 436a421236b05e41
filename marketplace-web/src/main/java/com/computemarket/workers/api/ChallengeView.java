package com.computemarket.workers.api;

import com.computemarket.workers.application.ChallengeIssued;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;

public record ChallengeView(String nonce, String message, @JsonbProperty("expires_at") Instant expiresAt) {

    static ChallengeView of(ChallengeIssued c) {
        return new ChallengeView(c.nonce(), c.message(), c.expiresAt());
    }
}
