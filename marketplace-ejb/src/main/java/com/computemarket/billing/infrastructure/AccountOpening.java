package com.computemarket.billing.infrastructure;

import com.computemarket.billing.domain.LedgerAccount;
import com.computemarket.shared.AccountRef;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Opens an account in its own short transaction, so that two postings opening the same account at once cost one
 * of them a failed insert here rather than its whole transaction (PostgreSQL aborts a transaction on any error).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AccountOpening {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;
    @Inject Clock clock;

    public void open(AccountRef ref) {
        em.persist(new LedgerAccount(ref, clock.instant()));
        em.flush();
    }
}
