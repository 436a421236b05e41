package com.computemarket.workers.application;

import java.time.Instant;

/** A fresh enrolment nonce, the exact message to sign (address filled in when it was given) and its expiry. */
public record ChallengeIssued(String nonce, String message, Instant expiresAt) {
}
