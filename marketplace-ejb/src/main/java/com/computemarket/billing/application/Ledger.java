package com.computemarket.billing.application;

import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * PLACEHOLDER for the payouts branch, with the contract's signatures (/work/contracts.md) and a minimal JPA
 * implementation so the payout ITs have a working ledger. Billing's Ledger wins at merge.
 * {@link #balancesOf} is NOT in the contract: the payout run needs "every worker's payable"; proposed addition.
 */
@Stateless
public class Ledger {

    private static final Set<AccountType> NEVER_NEGATIVE = EnumSet.of(AccountType.ORG_AVAILABLE,
            AccountType.ORG_ESCROW, AccountType.WORKER_PAYABLE, AccountType.PAYOUTS_IN_FLIGHT);

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    public JournalEntryView post(EntryDraft d) {
        List<PlaceholderLedgerEntry> existing = em.createQuery(
                        "select e from PlaceholderLedgerEntry e where e.idempotencyKey = :k", PlaceholderLedgerEntry.class)
                .setParameter("k", d.idempotencyKey()).getResultList();
        if (!existing.isEmpty()) {
            PlaceholderLedgerEntry e = existing.get(0);
            return new JournalEntryView(e.id, e.idempotencyKey, e.kind, e.reference, e.postedAt, d.postings());
        }
        BigInteger sum = d.postings().stream().map(p -> p.amount().wei()).reduce(BigInteger.ZERO, BigInteger::add);
        if (sum.signum() != 0) {
            throw DomainException.invalid("unbalanced-entry", "entry " + d.idempotencyKey() + " does not sum to zero");
        }
        for (Posting p : d.postings()) {
            if (NEVER_NEGATIVE.contains(p.account().type()) && balance(p.account()).plus(p.amount()).isNegative()) {
                throw DomainException.unprocessable("insufficient-funds", p.account() + " would go below zero");
            }
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        em.persist(new PlaceholderLedgerEntry(id, d.idempotencyKey(), d.kind(), d.reference(), now));
        d.postings().forEach(p -> em.persist(new PlaceholderLedgerPosting(id, p)));
        em.flush();
        return new JournalEntryView(id, d.idempotencyKey(), d.kind(), d.reference(), now, d.postings());
    }

    public Amount balance(AccountRef a) {
        BigInteger sum = em.createQuery("select coalesce(sum(p.amount), 0) from PlaceholderLedgerPosting p"
                        + " where p.accountType = :t and p.owner = :o", BigInteger.class)
                .setParameter("t", a.type()).setParameter("o", a.owner()).getSingleResult();
        return Amount.ofWei(sum);
    }

    /** PROPOSED (not in the contract): every account of a type with its balance, by owner. */
    public Map<String, Amount> balancesOf(AccountType type) {
        Map<String, Amount> out = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("select p.owner, sum(p.amount) from PlaceholderLedgerPosting p"
                + " where p.accountType = :t group by p.owner order by p.owner", Object[].class)
                .setParameter("t", type).getResultList()) {
            out.put((String) row[0], Amount.ofWei((BigInteger) row[1]));
        }
        return out;
    }
}
