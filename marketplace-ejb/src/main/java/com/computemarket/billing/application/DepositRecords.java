package com.computemarket.billing.application;

import com.computemarket.billing.domain.Deposit;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Credited deposits for reconciliation: read-only, as {@link DepositRecord}s. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class DepositRecords {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    /** In block order, at most {@code max}. */
    public List<DepositRecord> inBlockOrder(int max) {
        return em.createQuery("select d from Deposit d order by d.blockHeight, d.txHash", Deposit.class)
                .setMaxResults(max).getResultList().stream()
                .map(d -> new DepositRecord(d.organization(), d.txHash(), d.blockHeight(), d.address(), d.amount()))
                .toList();
    }
}
