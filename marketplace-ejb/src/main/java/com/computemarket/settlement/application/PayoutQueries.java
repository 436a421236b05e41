package com.computemarket.settlement.application;

import com.computemarket.settlement.domain.Payout;
import com.computemarket.settlement.domain.PayoutRepository;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Who may read which payouts: finance and admin all of them, a worker operator those of its own workers. */
@Stateless
public class PayoutQueries {

    /** One page of payouts, newest first. */
    public record Page(List<Payout> payouts, long total, int limit, int offset) {
    }

    @Inject PayoutRepository payouts;
    @Inject PayoutRecipients recipients;

    public Page list(Caller caller, int limit, int offset) {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw DomainException.invalid("invalid-page", "limit must be 1..500 and offset at least 0");
        }
        List<UUID> workers = visibleWorkers(caller);
        if (workers != null && workers.isEmpty()) {
            return new Page(List.of(), 0, limit, offset);
        }
        return new Page(payouts.list(workers, limit, offset), payouts.count(workers), limit, offset);
    }

    public Payout get(Caller caller, UUID id) {
        Payout payout = payouts.find(id).orElseThrow(() -> notFound(id));
        List<UUID> workers = visibleWorkers(caller);
        if (workers != null && !workers.contains(payout.workerId())) {
            throw notFound(id);
        }
        return payout;
    }

    /** null: all workers. */
    private List<UUID> visibleWorkers(Caller caller) {
        if (caller.readsEverything()) {
            return null;
        }
        if (caller.has(Caller.WORKER)) {
            return recipients.workersOf(caller.subject());
        }
        throw DomainException.forbidden("payouts-forbidden", "only finance, admins and worker operators read payouts");
    }

    private static DomainException notFound(UUID id) {
        return DomainException.notFound("payout-not-found", "no payout " + id);
    }
}
