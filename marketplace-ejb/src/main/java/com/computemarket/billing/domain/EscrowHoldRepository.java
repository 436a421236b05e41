package com.computemarket.billing.domain;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public interface EscrowHoldRepository {
    void add(EscrowHold hold);
    /** The hold's row locked for update, so that settlements and the release of one task run one after another. */
    Optional<EscrowHold> lock(UUID taskId);
    /** Per organization, the sum of what its open holds still hold. */
    Map<String, BigInteger> openRemainingByOrganization();
}
