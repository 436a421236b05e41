package com.computemarket.billing.application;

import com.computemarket.billing.domain.JournalEntry;
import com.computemarket.billing.domain.JournalEntryRepository;
import com.computemarket.billing.domain.LedgerAccount;
import com.computemarket.billing.domain.LedgerAccountRepository;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Posts balanced journal entries and answers balances. Every movement of money in the platform goes through
 * {@link #post}: idempotent by key, accounts locked in one fixed order (so two postings never deadlock), and no
 * customer, worker or in-flight account ever below zero.
 */
@Stateless
public class Ledger {

    private static final Logger LOG = Logger.getLogger(Ledger.class.getName());

    @Inject LedgerAccountRepository accounts;
    @Inject JournalEntryRepository entries;
    @Inject Clock clock;

    public Ledger() {
    }

    Ledger(LedgerAccountRepository accounts, JournalEntryRepository entries, Clock clock) {
        this.accounts = accounts;
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Posts the draft, or answers the entry already posted under its key (then nothing changes).
     *
     * @throws DomainException 400 when the draft is not a balanced entry, 422 {@code insufficient-funds} when it would
     *                         take an organization's, worker's or in-flight account below zero (nothing is posted)
     */
    public JournalEntryView post(EntryDraft draft) {
        Optional<JournalEntry> first = entries.byKey(draft.idempotencyKey());
        if (first.isPresent()) {
            return JournalEntryView.of(first.get());
        }
        JournalEntry entry = new JournalEntry(draft.idempotencyKey(), draft.kind(), draft.reference(), draft.postings(),
                clock.instant());
        TreeMap<AccountRef, Amount> byAccount = new TreeMap<>();
        draft.postings().forEach(p -> byAccount.put(p.account(), p.amount()));
        List<LedgerAccount> locked = new ArrayList<>();
        byAccount.keySet().forEach(ref -> locked.add(accounts.lockOrOpen(ref)));
        // a post of the same key may have committed while we waited for the locks
        first = entries.byKey(draft.idempotencyKey());
        if (first.isPresent()) {
            return JournalEntryView.of(first.get());
        }
        locked.forEach(account -> account.balanceAfter(byAccount.get(account.ref()))); // refuse before changing any
        locked.forEach(account -> account.apply(byAccount.get(account.ref())));
        entries.add(entry);
        LOG.fine(() -> "posted " + entry.kind() + " entry " + entry.id() + " (" + entry.idempotencyKey() + ")");
        return JournalEntryView.of(entry);
    }

    public Amount balance(AccountRef account) {
        return accounts.find(account).map(LedgerAccount::balance).orElse(Amount.ZERO);
    }

    /** Every account of one type with its balance, by owner (e.g. each worker's payable, for a payout run). */
    public java.util.Map<String, Amount> balancesOf(AccountType type) {
        java.util.Map<String, Amount> balances = new TreeMap<>();
        accounts.ofType(type).forEach(account -> balances.put(account.ref().owner(), account.balance()));
        return balances;
    }

    /** The entry posted under this key, if any. */
    public Optional<JournalEntryView> entry(String idempotencyKey) {
        return entries.byKey(idempotencyKey).map(JournalEntryView::of);
    }
}
