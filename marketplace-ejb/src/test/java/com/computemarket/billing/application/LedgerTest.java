package com.computemarket.billing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.Posting;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private final Fakes fakes = new Fakes();
    private final Ledger ledger = fakes.ledger;
    private final AccountRef wallet = AccountRef.platform(AccountType.L1_WALLET);
    private final AccountRef acme = AccountRef.available("acme");

    private EntryDraft deposit(String key, long cpc) {
        return new EntryDraft(key, "deposit", "test", List.of(
                new Posting(wallet, Amount.cpc(cpc).negate()), new Posting(acme, Amount.cpc(cpc))));
    }

    @Test
    void aBalancedEntryMovesBothBalancesAndIsRecordedUnderItsKey() {
        JournalEntryView entry = ledger.post(deposit("deposit:tx1", 10));

        assertEquals(Amount.cpc(10), ledger.balance(acme));
        assertEquals(Amount.cpc(-10), ledger.balance(wallet));
        assertEquals("deposit:tx1", entry.idempotencyKey());
        assertEquals(2, entry.postings().size());
        assertEquals(entry, ledger.entry("deposit:tx1").orElseThrow());
    }

    @Test
    void theSameKeyAgainAnswersTheFirstEntryAndChangesNothing() {
        JournalEntryView first = ledger.post(deposit("deposit:tx1", 10));

        JournalEntryView again = ledger.post(deposit("deposit:tx1", 99));

        assertEquals(first, again);
        assertEquals(Amount.cpc(10), ledger.balance(acme));
        assertEquals(1, fakes.entries.count());
    }

    @Test
    void anEntryThatDoesNotSumToZeroIsRefusedAndChangesNothing() {
        EntryDraft unbalanced = new EntryDraft("bad", "deposit", null, List.of(
                new Posting(wallet, Amount.cpc(-10)), new Posting(acme, Amount.cpc(11))));

        DomainException e = assertThrows(DomainException.class, () -> ledger.post(unbalanced));

        assertEquals(400, e.status());
        assertEquals("unbalanced-entry", e.type());
        assertTrue(e.detail().contains("1.0 CPC"), e.detail());
        assertEquals(Amount.ZERO, ledger.balance(acme));
        assertEquals(0, fakes.entries.count());
    }

    @Test
    void aSinglePostingZeroAmountsAndTwoPostingsToOneAccountAreRefused() {
        assertThrows(DomainException.class, () -> ledger.post(new EntryDraft("one", "x", null,
                List.of(new Posting(acme, Amount.ZERO)))));
        assertThrows(DomainException.class, () -> ledger.post(new EntryDraft("zero", "x", null,
                List.of(new Posting(acme, Amount.ZERO), new Posting(wallet, Amount.ZERO)))));
        assertThrows(DomainException.class, () -> ledger.post(new EntryDraft("twice", "x", null,
                List.of(new Posting(acme, Amount.cpc(1)), new Posting(acme, Amount.cpc(-1))))));
        assertThrows(DomainException.class, () -> ledger.post(new EntryDraft(" ", "x", null,
                List.of(new Posting(acme, Amount.cpc(1)), new Posting(wallet, Amount.cpc(-1))))));
        assertEquals(0, fakes.entries.count());
    }

    @Test
    void takingAnAvailableBalanceBelowZeroIsRefusedWithTheAmountsAndChangesNothing() {
        ledger.post(deposit("deposit:tx1", 3));
        EntryDraft spend = new EntryDraft("spend", "escrow-hold", null, List.of(
                new Posting(acme, Amount.cpc(-5)), new Posting(AccountRef.escrow("acme"), Amount.cpc(5))));

        DomainException e = assertThrows(DomainException.class, () -> ledger.post(spend));

        assertEquals(422, e.status());
        assertEquals("insufficient-funds", e.type());
        assertTrue(e.detail().contains("acme") && e.detail().contains("3.0 CPC") && e.detail().contains("5.0 CPC")
                && e.detail().contains("2.0 CPC short"), e.detail());
        assertEquals(Amount.cpc(3), ledger.balance(acme));
        assertEquals(Amount.ZERO, ledger.balance(AccountRef.escrow("acme")));
        assertTrue(ledger.entry("spend").isEmpty());
    }

    @Test
    void workerAndInFlightAccountsCannotGoNegativeButPlatformAccountsCan() {
        for (AccountType type : List.of(AccountType.WORKER_PAYABLE, AccountType.PAYOUTS_IN_FLIGHT, AccountType.ORG_ESCROW)) {
            EntryDraft draft = new EntryDraft("neg:" + type, "x", null, List.of(
                    new Posting(new AccountRef(type, "w"), Amount.cpc(-1)), new Posting(wallet, Amount.cpc(1))));
            assertEquals("insufficient-funds", assertThrows(DomainException.class, () -> ledger.post(draft)).type());
        }
        ledger.post(new EntryDraft("fees", "x", null, List.of(
                new Posting(AccountRef.platform(AccountType.L1_FEES), Amount.cpc(-1)), new Posting(wallet, Amount.cpc(1)))));
        assertEquals(Amount.cpc(-1), ledger.balance(AccountRef.platform(AccountType.L1_FEES)));
    }

    @Test
    void accountsAreLockedInOneOrderWhateverTheOrderOfThePostings() {
        AccountRef escrow = AccountRef.escrow("acme");
        ledger.post(deposit("deposit:tx1", 10));
        fakes.accounts.lockLog.clear();

        ledger.post(new EntryDraft("a", "x", null, List.of(new Posting(acme, Amount.cpc(-1)), new Posting(escrow, Amount.cpc(1)))));
        ledger.post(new EntryDraft("b", "x", null, List.of(new Posting(escrow, Amount.cpc(-1)), new Posting(acme, Amount.cpc(1)))));

        assertEquals(List.of(acme, escrow, acme, escrow), fakes.accounts.lockLog);
    }
}
