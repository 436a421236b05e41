package com.computemarket.portal.finance;

import com.computemarket.billing.application.AccountView;
import com.computemarket.billing.application.JournalEntryView;
import com.computemarket.billing.application.LedgerReading;
import com.computemarket.billing.application.PageRequest;
import com.computemarket.portal.Pages;
import com.computemarket.shared.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;

/** Every ledger account with its balance, and the journal, newest first, 50 entries a page. */
@Named
@RequestScoped
public class LedgerPage {

    static final int PAGE = 50;

    @Inject Caller caller;
    @Inject LedgerReading reading;

    private List<AccountView> accounts = List.of();
    private PageRequest.Page<JournalEntryView> entries;
    private int offset;

    @PostConstruct
    void load() {
        String off = Pages.param("offset");
        offset = off != null && off.matches("\\d{1,9}") ? Integer.parseInt(off) : 0;
        List<AccountView> all = Pages.attempt(() -> reading.accounts(caller));
        accounts = all == null ? List.of() : all;
        entries = Pages.attempt(() -> reading.entries(caller, PageRequest.of(PAGE, offset)));
    }

    public List<AccountView> getAccounts() { return accounts; }
    public List<JournalEntryView> getEntries() { return entries == null ? List.of() : entries.items(); }
    public long getTotal() { return entries == null ? 0 : entries.total(); }
    public boolean isHasNext() { return entries != null && offset + PAGE < entries.total(); }
    public boolean isHasPrevious() { return offset > 0; }
    public int getNextOffset() { return offset + PAGE; }
    public int getPreviousOffset() { return Math.max(0, offset - PAGE); }

    public String time(Instant instant) {
        return Pages.time(instant);
    }
}
