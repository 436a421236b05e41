package com.computemarket.workers.application;

import jakarta.ejb.Stateless;
import java.util.UUID;

/** PLACEHOLDER (the workers branch's version wins at merge). */
@Stateless
public class Reputation {
    public void recordSuccess(UUID workerId) {
        throw new UnsupportedOperationException("placeholder");
    }

    public void recordFailure(UUID workerId, String reason) {
        throw new UnsupportedOperationException("placeholder");
    }
}
