package com.computemarket.billing.infrastructure;

import com.computemarket.billing.domain.EscrowHold;
import com.computemarket.billing.domain.EscrowHoldRepository;
import com.computemarket.shared.Amount;
import com.computemarket.shared.AmountConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaEscrowHoldRepository implements EscrowHoldRepository {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    @Override
    public void add(EscrowHold hold) {
        em.persist(hold);
    }

    @Override
    public Optional<EscrowHold> lock(UUID taskId) {
        return Optional.ofNullable(em.find(EscrowHold.class, taskId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Map<String, BigInteger> openRemainingByOrganization() {
        Map<String, BigInteger> sums = new HashMap<>();
        em.createQuery("select h.organization, sum(h.held - h.settled - h.released) from EscrowHold h "
                        + "where h.status = :open group by h.organization", Object[].class)
                .setParameter("open", EscrowHold.Status.OPEN).getResultList()
                .forEach(row -> sums.put((String) row[0], AmountConverter.fromQuery(row[1]).wei()));
        return sums;
    }
}
