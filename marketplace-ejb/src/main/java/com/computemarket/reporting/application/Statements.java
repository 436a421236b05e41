package com.computemarket.reporting.application;

import com.computemarket.billing.application.JournalHistory;
import com.computemarket.billing.application.Organizations;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
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

    @Inject JournalHistory history;

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
        Amount openingAvailable = history.balanceBefore(organization, AccountType.ORG_AVAILABLE, from);
        Amount openingEscrow = history.balanceBefore(organization, AccountType.ORG_ESCROW, from);
        Amount available = openingAvailable;
        Amount escrow = openingEscrow;
        List<Line> lines = new ArrayList<>();
        for (JournalHistory.Movement m : history.movements(organization, ACCOUNTS, from, to)) {
            Amount after;
            if (m.account() == AccountType.ORG_AVAILABLE) {
                available = available.plus(m.amount());
                after = available;
            } else {
                escrow = escrow.plus(m.amount());
                after = escrow;
            }
            lines.add(new Line(m.entryId(), m.postedAt(), m.kind(), m.reference(), m.account(), m.amount(), after));
        }
        return new Statement(organization, month, openingAvailable, available, openingEscrow, escrow, lines);
    }
}
