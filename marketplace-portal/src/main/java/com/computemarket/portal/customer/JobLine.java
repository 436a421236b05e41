package com.computemarket.portal.customer;

import com.computemarket.market.domain.Job;
import com.computemarket.shared.Amount;
import java.util.Locale;
import java.util.UUID;

/** One job of a task as the task page shows it. */
public record JobLine(UUID id, int index, String status, int attempts, UUID workerId, String resultHash, Amount reward) {

    static JobLine of(Job j) {
        return new JobLine(j.id(), j.index(), j.status().name().toLowerCase(Locale.ROOT), j.attempts(), j.workerId(),
                j.resultHash(), j.reward());
    }
}
