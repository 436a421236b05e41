package com.computemarket.billing.infrastructure;

import com.computemarket.billing.domain.JournalEntry;
import com.computemarket.billing.domain.JournalEntryRepository;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.AmountConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaJournalEntryRepository implements JournalEntryRepository {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    @Override
    public Optional<JournalEntry> byKey(String idempotencyKey) {
        return em.createQuery("select e from JournalEntry e where e.idempotencyKey = :key", JournalEntry.class)
                .setParameter("key", idempotencyKey).getResultStream().findFirst();
    }

    @Override
    public void add(JournalEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<JournalEntry> page(int limit, int offset) {
        // ids first, then the entries with their postings: no pagination over a fetch join
        List<UUID> ids = em.createQuery("select e.id from JournalEntry e order by e.postedAt desc, e.id", UUID.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Integer> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            order.put(ids.get(i), i);
        }
        return em.createQuery("select distinct e from JournalEntry e left join fetch e.postings where e.id in :ids",
                        JournalEntry.class).setParameter("ids", ids).getResultList().stream()
                .sorted(Comparator.comparing(e -> order.get(e.id()))).toList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(e) from JournalEntry e", Long.class).getSingleResult();
    }

    @Override
    public Map<AccountRef, BigInteger> postingSums() {
        Map<AccountRef, BigInteger> sums = new HashMap<>();
        em.createQuery("select p.accountType, p.accountOwner, sum(p.amount) from JournalEntry e join e.postings p "
                        + "group by p.accountType, p.accountOwner", Object[].class).getResultList()
                .forEach(row -> sums.put(new AccountRef((AccountType) row[0], (String) row[1]), AmountConverter.fromQuery(row[2]).wei()));
        return sums;
    }
}
