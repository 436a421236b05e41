package com.computemarket.settlement.infrastructure;

import com.computemarket.settlement.domain.Payout;
import com.computemarket.settlement.domain.PayoutBatch;
import com.computemarket.settlement.domain.PayoutRepository;
import com.computemarket.settlement.domain.PayoutStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class JpaPayoutRepository implements PayoutRepository {

    private static final Set<PayoutStatus> LIVE = EnumSet.of(PayoutStatus.SIGNED, PayoutStatus.SENT);

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    @Override
    public void add(Payout payout) {
        em.persist(payout);
    }

    @Override
    public void add(PayoutBatch batch) {
        em.persist(batch);
    }

    @Override
    public Optional<Payout> find(UUID id) {
        return Optional.ofNullable(em.find(Payout.class, id));
    }

    @Override
    public Optional<PayoutBatch> findBatch(UUID id) {
        return Optional.ofNullable(em.find(PayoutBatch.class, id));
    }

    @Override
    public Set<UUID> workersWithOpenPayouts() {
        return new HashSet<>(em.createQuery("select p.workerId from Payout p where p.openWorker is not null", UUID.class)
                .getResultList());
    }

    @Override
    public Optional<BigInteger> highestLiveNonce() {
        return Optional.ofNullable(em.createQuery("select max(p.nonce) from Payout p where p.status in :live",
                BigInteger.class).setParameter("live", LIVE).getSingleResult());
    }

    @Override
    public List<Payout> liveBelow(BigInteger nonce) {
        return em.createQuery("select p from Payout p where p.status in :live and p.nonce < :n order by p.nonce",
                Payout.class).setParameter("live", LIVE).setParameter("n", nonce).getResultList();
    }

    @Override
    public List<Payout> list(Collection<UUID> workerIds, int limit, int offset) {
        var query = workerIds == null
                ? em.createQuery("select p from Payout p order by p.createdAt desc, p.id", Payout.class)
                : em.createQuery("select p from Payout p where p.workerId in :w order by p.createdAt desc, p.id",
                        Payout.class).setParameter("w", workerIds);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(Collection<UUID> workerIds) {
        return workerIds == null
                ? em.createQuery("select count(p) from Payout p", Long.class).getSingleResult()
                : em.createQuery("select count(p) from Payout p where p.workerId in :w", Long.class)
                        .setParameter("w", workerIds).getSingleResult();
    }

    @Override
    public List<Payout> ofBatch(UUID runId) {
        return em.createQuery("select p from Payout p where p.runId = :r order by p.createdAt, p.id", Payout.class)
                .setParameter("r", runId).getResultList();
    }
}
