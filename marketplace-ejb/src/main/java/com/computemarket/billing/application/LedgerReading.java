package com.computemarket.billing.application;

import com.computemarket.billing.application.PageRequest.Page;
import com.computemarket.billing.domain.JournalEntry;
import com.computemarket.billing.domain.JournalEntryRepository;
import com.computemarket.billing.domain.LedgerAccountRepository;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** What callers may read of the ledger: an organization's balance (its customers, finance, admins), and all of it (finance, admins). */
@Stateless
public class LedgerReading {

    @Inject Ledger ledger;
    @Inject LedgerAccountRepository accounts;
    @Inject JournalEntryRepository entries;
    @Inject DepositIntake deposits;

    /** A customer sees only its own organization: another one is "not found", as if it did not exist. */
    public OrganizationBalance balanceOf(Caller caller, String organization) {
        Organizations.requireVisible(caller, organization);
        return new OrganizationBalance(organization, ledger.balance(AccountRef.available(organization)),
                ledger.balance(AccountRef.escrow(organization)), deposits.addressFor(organization));
    }

    public List<AccountView> accounts(Caller caller) {
        requireFinanceOrAdmin(caller);
        return accounts.all().stream().map(a -> new AccountView(a.type(), a.owner(), a.balance())).toList();
    }

    public Page<JournalEntryView> entries(Caller caller, PageRequest page) {
        requireFinanceOrAdmin(caller);
        return new Page<>(entries.page(page.limit(), page.offset()).stream().map(JournalEntryView::of).toList(),
                entries.count(), page.limit(), page.offset());
    }

    private static void requireFinanceOrAdmin(Caller caller) {
        if (!caller.readsEverything()) {
            throw DomainException.forbidden("finance-or-admin", "only finance and admins may read the ledger");
        }
    }
}
