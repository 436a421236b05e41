package com.computemarket.billing.application;

import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.AmountConverter;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What workers earned from settled jobs (the job-settled entries of their payable accounts), read-only. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Earnings {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    /** Per worker (its id as the account owner): everything it earned. */
    public Map<String, Amount> inAll(Collection<String> workers) {
        Map<String, Amount> out = new HashMap<>();
        for (Object[] row : em.createQuery("select p.accountOwner, sum(p.amount) from JournalEntry e join e.postings p "
                        + "where p.accountType = :type and p.accountOwner in :owners and e.kind = 'job-settled' "
                        + "group by p.accountOwner", Object[].class)
                .setParameter("type", AccountType.WORKER_PAYABLE).setParameter("owners", workers).getResultList()) {
            out.put((String) row[0], AmountConverter.fromQuery(row[1]));
        }
        return out;
    }

    /** Per worker and UTC day from {@code from} on: what it earned that day (days without earnings are absent). */
    public Map<String, Map<LocalDate, Amount>> perDay(Collection<String> workers, Instant from) {
        Map<String, Map<LocalDate, BigInteger>> sums = new HashMap<>();
        for (Object[] row : em.createQuery("select p.accountOwner, e.postedAt, p.amount from JournalEntry e join e.postings p "
                        + "where p.accountType = :type and p.accountOwner in :owners and e.kind = 'job-settled' "
                        + "and e.postedAt >= :from", Object[].class)
                .setParameter("type", AccountType.WORKER_PAYABLE).setParameter("owners", workers).setParameter("from", from)
                .getResultList()) {
            sums.computeIfAbsent((String) row[0], w -> new HashMap<>())
                    .merge(LocalDate.ofInstant((Instant) row[1], ZoneOffset.UTC), AmountConverter.fromQuery(row[2]).wei(), BigInteger::add);
        }
        Map<String, Map<LocalDate, Amount>> out = new HashMap<>();
        sums.forEach((worker, days) -> {
            Map<LocalDate, Amount> amounts = new HashMap<>();
            days.forEach((day, sum) -> amounts.put(day, Amount.ofWei(sum)));
            out.put(worker, amounts);
        });
        return out;
    }
}
