package com.computemarket.settlement.application;

import com.computemarket.settlement.domain.Payout;
import com.computemarket.settlement.domain.PayoutStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payouts for reporting: read-only, as {@link PayoutRecord}s, so no other context touches the Payout entity. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PayoutRecords {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    /** Payouts created in [start, end), of one worker or (null) all, oldest first, at most {@code max}. */
    public List<PayoutRecord> createdBetween(Instant start, Instant end, UUID workerId, int max) {
        var query = em.createQuery("select p from Payout p where p.createdAt >= :start and p.createdAt < :end"
                        + (workerId == null ? "" : " and p.workerId = :worker") + " order by p.createdAt, p.id", Payout.class)
                .setParameter("start", start).setParameter("end", end).setMaxResults(max);
        if (workerId != null) {
            query.setParameter("worker", workerId);
        }
        return query.getResultList().stream().map(PayoutRecords::record).toList();
    }

    /** Payouts that went (or are going) to the chain: sent or confirmed, not failed; oldest first, at most {@code max}. */
    public List<PayoutRecord> towardsTheChain(int max) {
        return em.createQuery("select p from Payout p where (p.txHash is not null or p.status = :confirmed) "
                        + "and p.status <> :failed order by p.createdAt, p.id", Payout.class)
                .setParameter("confirmed", PayoutStatus.CONFIRMED).setParameter("failed", PayoutStatus.FAILED)
                .setMaxResults(max).getResultList().stream().map(PayoutRecords::record).toList();
    }

    static PayoutRecord record(Payout p) {
        return new PayoutRecord(p.id(), p.runId(), p.workerId(), p.address(), p.amount(), p.fee().orElse(null),
                p.status().name(), p.txHash().orElse(null), p.blockHeight().orElse(null), p.blockHash().orElse(null),
                p.createdAt(), p.confirmedAt().orElse(null), p.failure().orElse(null));
    }
}
