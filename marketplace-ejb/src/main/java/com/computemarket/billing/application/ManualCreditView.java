package com.computemarket.billing.application;

import com.computemarket.shared.Amount;
import java.time.Instant;
import java.util.UUID;

public record ManualCreditView(UUID id, String organization, Amount amount, String reason, String creditedBy,
                               Instant creditedAt, UUID entryId) {
}
