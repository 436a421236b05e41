package com.computemarket.billing.application;

import com.computemarket.shared.Amount;
import jakarta.ejb.Stateless;
import java.util.UUID;

/** PLACEHOLDER for compilation in the lead's tree; the billing branch's Escrow replaces it at merge. */
@Stateless
public class Escrow {
    public void hold(UUID taskId, String organization, Amount amount) {
        throw new UnsupportedOperationException("placeholder");
    }

    public void settleJob(UUID taskId, UUID jobId, UUID workerId, Amount reward) {
        throw new UnsupportedOperationException("placeholder");
    }

    public Amount release(UUID taskId, String reason) {
        throw new UnsupportedOperationException("placeholder");
    }
}
