package com.computemarket.reporting.application;

import com.computemarket.billing.application.Organizations;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.AmountConverter;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Monthly statements of an organization's accounts (available and escrow), from the journal; months are UTC. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Statements {

    private static final List<AccountType> ACCOUNTS = List.of(AccountType.ORG_AVAILABLE, AccountType.ORG_ESCROW);

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    /** One movement of one account: its entry, what kind, the signed amount and the account's balance after it. */
    public record Line(UUID entryId, Instant postedAt, String kind, String reference, AccountType account, Amount amount,
                       Amount balanceAfter) {
    }

    /** Opening and closing balance per account, and every movement of the month in order. */
    public record Statement(String organization, YearMonth month, Amount openingAvailable, Amount closingAvailable,
                            Amount openingEscrow, Amount closingEscrow, List<Line> lines) {
    }

    /** A customer reads its own organization's statement (another is 404), finance and admins any. */
    public Statement monthly(Caller caller, String organization, YearMonth month) {
        Organizations.requireVisible(caller, organization);
        if (month == null) {
            throw DomainException.invalid("invalid-month", "a statement is for one month, such as 2026-11");
        }
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        BigInteger available = sumBefore(organization, AccountType.ORG_AVAILABLE, from);
        BigInteger escrow = sumBefore(organization, AccountType.ORG_ESCROW, from);
        Amount openingAvailable = Amount.ofWei(available);
        Amount openingEscrow = Amount.ofWei(escrow);
        List<Line> lines = new ArrayList<>();
        List<Object[]> rows = em.createQuery("select e.id, e.postedAt, e.kind, e.reference, p.accountType, p.amount "
                        + "from JournalEntry e join e.postings p where p.accountOwner = :org and p.accountType in :types "
                        + "and e.postedAt >= :from and e.postedAt < :to order by e.postedAt, e.id", Object[].class)
                .setParameter("org", organization).setParameter("types", ACCOUNTS)
                .setParameter("from", from).setParameter("to", to).getResultList();
        for (Object[] row : rows) {
            AccountType type = (AccountType) row[4];
            BigInteger amount = AmountConverter.fromQuery(row[5]).wei();
            BigInteger after;
            if (type == AccountType.ORG_AVAILABLE) {
                available = available.add(amount);
                after = available;
            } else {
                escrow = escrow.add(amount);
                after = escrow;
            }
            lines.add(new Line((UUID) row[0], (Instant) row[1], (String) row[2], (String) row[3], type,
                    Amount.ofWei(amount), Amount.ofWei(after)));
        }
        return new Statement(organization, month, openingAvailable, Amount.ofWei(available), openingEscrow,
                Amount.ofWei(escrow), lines);
    }

    private BigInteger sumBefore(String organization, AccountType type, Instant before) {
        Object sum = em.createQuery("select sum(p.amount) from JournalEntry e join e.postings p where p.accountOwner = :org "
                        + "and p.accountType = :type and e.postedAt < :before", Object.class)
                .setParameter("org", organization).setParameter("type", type).setParameter("before", before)
                .getSingleResult();
        return AmountConverter.fromQuery(sum).wei();
    }
}
