package com.computemarket.billing.application;

import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.AmountConverter;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The journal as history, for statements: read-only, as value records, no entity leaves billing. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JournalHistory {

    /** One posting of one of an owner's accounts, with its entry. */
    public record Movement(UUID entryId, Instant postedAt, String kind, String reference, AccountType account,
                           Amount amount) {
    }

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    /** The balance of the owner's account of {@code type} from everything posted before {@code before}. */
    public Amount balanceBefore(String owner, AccountType type, Instant before) {
        Object sum = em.createQuery("select sum(p.amount) from JournalEntry e join e.postings p where p.accountOwner = :org "
                        + "and p.accountType = :type and e.postedAt < :before", Object.class)
                .setParameter("org", owner).setParameter("type", type).setParameter("before", before)
                .getSingleResult();
        return AmountConverter.fromQuery(sum);
    }

    /** The postings of the owner's accounts of these types in [from, to), in posting order. */
    public List<Movement> movements(String owner, Collection<AccountType> types, Instant from, Instant to) {
        return em.createQuery("select e.id, e.postedAt, e.kind, e.reference, p.accountType, p.amount "
                        + "from JournalEntry e join e.postings p where p.accountOwner = :org and p.accountType in :types "
                        + "and e.postedAt >= :from and e.postedAt < :to order by e.postedAt, e.id", Object[].class)
                .setParameter("org", owner).setParameter("types", types)
                .setParameter("from", from).setParameter("to", to).getResultList().stream()
                .map(row -> new Movement((UUID) row[0], (Instant) row[1], (String) row[2], (String) row[3],
                        (AccountType) row[4], AmountConverter.fromQuery(row[5])))
                .toList();
    }
}
