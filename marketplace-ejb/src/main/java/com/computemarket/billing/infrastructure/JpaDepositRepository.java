package com.computemarket.billing.infrastructure;

import com.computemarket.billing.domain.Deposit;
import com.computemarket.billing.domain.DepositAddress;
import com.computemarket.billing.domain.DepositRepository;
import com.computemarket.billing.domain.ScanCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaDepositRepository implements DepositRepository {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    @Override
    public Optional<DepositAddress> addressOf(String organization) {
        return Optional.ofNullable(em.find(DepositAddress.class, organization));
    }

    @Override
    public void addAddress(DepositAddress address) {
        em.persist(address);
    }

    @Override
    public Map<String, String> organizationsOf(Collection<String> addresses) {
        Map<String, String> owners = new HashMap<>();
        if (!addresses.isEmpty()) {
            em.createQuery("select a from DepositAddress a where a.address in :addresses", DepositAddress.class)
                    .setParameter("addresses", addresses).getResultList()
                    .forEach(a -> owners.put(a.address(), a.organization()));
        }
        return owners;
    }

    @Override
    public boolean credited(String txHash) {
        return em.find(Deposit.class, txHash) != null;
    }

    @Override
    public void add(Deposit deposit) {
        em.persist(deposit);
    }

    @Override
    public ScanCursor lockCursor(String name) {
        ScanCursor cursor = em.find(ScanCursor.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (cursor == null) {
            cursor = new ScanCursor(name);
            em.persist(cursor);
            em.flush();
        }
        return cursor;
    }

    @Override
    public Optional<ScanCursor> cursor(String name) {
        return Optional.ofNullable(em.find(ScanCursor.class, name));
    }
}
