package com.computemarket.billing.application;

import com.computemarket.billing.application.PageRequest.Page;
import com.computemarket.billing.domain.ManualCredit;
import com.computemarket.billing.domain.ManualCreditRepository;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.Posting;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * An admin credits an organization by hand (a bank transfer, a goodwill credit), always with a reason. The credit
 * and its audit record (who, when, why, how much, which entry) are written in one transaction.
 */
@Stateless
public class ManualCrediting {

    private static final Logger LOG = Logger.getLogger(ManualCrediting.class.getName());

    @Inject Ledger ledger;
    @Inject ManualCreditRepository credits;
    @Inject Clock clock;

    public ManualCrediting() {
    }

    ManualCrediting(Ledger ledger, ManualCreditRepository credits, Clock clock) {
        this.ledger = ledger;
        this.credits = credits;
        this.clock = clock;
    }

    public ManualCreditView credit(Caller caller, String organization, String amountText, String reason) {
        if (!caller.has(Caller.ADMIN)) {
            throw DomainException.forbidden("admin-only", "only an admin may credit an organization by hand");
        }
        Organizations.requireAlias("organization", organization);
        Amount amount = Amount.parseCpc("amount", amountText);
        if (!amount.isPositive()) {
            throw DomainException.invalid("invalid-amount", "amount must be more than zero");
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason-required", "a manual credit needs a reason (up to 500 characters)");
        }
        if (reason.length() > 500) {
            throw DomainException.invalid("invalid-reason", "the reason may have at most 500 characters, got " + reason.length());
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        JournalEntryView entry = ledger.post(new EntryDraft("manual-credit:" + id, "manual-credit",
                "by " + caller.username() + ": " + reason, List.of(
                new Posting(AccountRef.platform(AccountType.MANUAL_CREDITS), amount.negate()),
                new Posting(AccountRef.available(organization), amount))));
        ManualCredit credit = new ManualCredit(id, organization, amount, reason.strip(), caller.username(),
                caller.subject(), now, entry.id());
        credits.add(credit);
        LOG.info(() -> "manual credit " + id + ": " + amount.toCpc() + " CPC to organization " + organization + " by "
                + caller.username() + " (entry " + entry.id() + "): " + credit.reason());
        return view(credit);
    }

    public Page<ManualCreditView> list(Caller caller, PageRequest page) {
        if (!caller.readsEverything()) {
            throw DomainException.forbidden("finance-or-admin", "only finance and admins may read manual credits");
        }
        return new Page<>(credits.page(page.limit(), page.offset()).stream().map(ManualCrediting::view).toList(),
                credits.count(), page.limit(), page.offset());
    }

    private static ManualCreditView view(ManualCredit c) {
        return new ManualCreditView(c.id(), c.organization(), c.amount(), c.reason(), c.creditedBy(), c.creditedAt(),
                c.entryId());
    }
}
