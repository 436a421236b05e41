package com.computemarket.billing.infrastructure;

import com.computemarket.billing.domain.LedgerAccount;
import com.computemarket.billing.domain.LedgerAccountRepository;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

@ApplicationScoped
public class JpaLedgerAccountRepository implements LedgerAccountRepository {

    private static final Logger LOG = Logger.getLogger(JpaLedgerAccountRepository.class.getName());

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;
    @Inject AccountOpening opening;

    @Override
    public Optional<LedgerAccount> find(AccountRef ref) {
        return query(ref, LockModeType.NONE);
    }

    @Override
    public LedgerAccount lockOrOpen(AccountRef ref) {
        Optional<LedgerAccount> account = query(ref, LockModeType.PESSIMISTIC_WRITE);
        if (account.isPresent()) {
            return account.get();
        }
        try {
            opening.open(ref);
            LOG.fine(() -> "opened ledger account " + ref);
        } catch (EJBException e) {
            LOG.fine(() -> "ledger account " + ref + " was opened concurrently: " + e);
        }
        return query(ref, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new IllegalStateException("ledger account " + ref + " could not be opened"));
    }

    @Override
    public List<LedgerAccount> all() {
        return em.createQuery("select a from LedgerAccount a order by a.type, a.owner", LedgerAccount.class).getResultList();
    }

    @Override
    public List<LedgerAccount> ofType(AccountType type) {
        return em.createQuery("select a from LedgerAccount a where a.type = :type order by a.owner", LedgerAccount.class)
                .setParameter("type", type).getResultList();
    }

    private Optional<LedgerAccount> query(AccountRef ref, LockModeType lock) {
        return em.createQuery("select a from LedgerAccount a where a.type = :type and a.owner = :owner", LedgerAccount.class)
                .setParameter("type", ref.type()).setParameter("owner", ref.owner())
                .setLockMode(lock).getResultStream().findFirst();
    }
}
