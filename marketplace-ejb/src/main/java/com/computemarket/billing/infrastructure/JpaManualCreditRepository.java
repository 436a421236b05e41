package com.computemarket.billing.infrastructure;

import com.computemarket.billing.domain.ManualCredit;
import com.computemarket.billing.domain.ManualCreditRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
public class JpaManualCreditRepository implements ManualCreditRepository {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    @Override
    public void add(ManualCredit credit) {
        em.persist(credit);
    }

    @Override
    public List<ManualCredit> page(int limit, int offset) {
        return em.createQuery("select c from ManualCredit c order by c.creditedAt desc, c.id", ManualCredit.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(c) from ManualCredit c", Long.class).getSingleResult();
    }
}
