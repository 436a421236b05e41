package com.computemarket.billing.application;

import com.computemarket.billing.application.InvariantReport.Check;
import com.computemarket.billing.application.InvariantReport.Difference;
import com.computemarket.billing.domain.EscrowHoldRepository;
import com.computemarket.billing.domain.JournalEntryRepository;
import com.computemarket.billing.domain.LedgerAccount;
import com.computemarket.billing.domain.LedgerAccountRepository;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks what must always hold: the ledger sums to zero, each account's balance is the sum of its postings, each
 * organization's escrow equals what its open holds still hold, and no customer, worker or in-flight account is
 * negative. Reads only; a failed check is reported, never repaired.
 */
@Stateless
public class LedgerInvariants {

    @Inject LedgerAccountRepository accounts;
    @Inject JournalEntryRepository entries;
    @Inject EscrowHoldRepository holds;
    @Inject Clock clock;

    public LedgerInvariants() {
    }

    LedgerInvariants(LedgerAccountRepository accounts, JournalEntryRepository entries, EscrowHoldRepository holds, Clock clock) {
        this.accounts = accounts;
        this.entries = entries;
        this.holds = holds;
        this.clock = clock;
    }

    public InvariantReport check() {
        List<LedgerAccount> all = accounts.all();
        List<Check> checks = List.of(sumsToZero(all), balancesMatchPostings(all), escrowMatchesHolds(all), noNegative(all));
        return new InvariantReport(checks.stream().allMatch(Check::ok), clock.instant(), checks);
    }

    private Check sumsToZero(List<LedgerAccount> all) {
        Amount sum = all.stream().map(LedgerAccount::balance).reduce(Amount.ZERO, Amount::plus);
        List<Difference> diffs = sum.isZero() ? List.of() : List.of(new Difference("all accounts", "0.0", sum.toCpc()));
        return check("ledger-sums-to-zero", "the balances of all accounts add up to zero", diffs);
    }

    private Check balancesMatchPostings(List<LedgerAccount> all) {
        Map<AccountRef, BigInteger> sums = new TreeMap<>(entries.postingSums());
        Map<AccountRef, BigInteger> balances = new TreeMap<>();
        all.forEach(a -> balances.put(a.ref(), a.balance().wei()));
        List<Difference> diffs = new ArrayList<>();
        TreeSet<AccountRef> refs = new TreeSet<>(sums.keySet());
        refs.addAll(balances.keySet());
        for (AccountRef ref : refs) {
            BigInteger expected = sums.getOrDefault(ref, BigInteger.ZERO);
            BigInteger actual = balances.getOrDefault(ref, BigInteger.ZERO);
            if (!expected.equals(actual)) {
                diffs.add(new Difference(ref.toString(), cpc(expected), cpc(actual)));
            }
        }
        return check("balances-match-postings", "each account's balance is the sum of its postings", diffs);
    }

    private Check escrowMatchesHolds(List<LedgerAccount> all) {
        Map<String, BigInteger> held = new TreeMap<>(holds.openRemainingByOrganization());
        Map<String, BigInteger> escrow = new TreeMap<>();
        all.stream().filter(a -> a.type() == AccountType.ORG_ESCROW).forEach(a -> escrow.put(a.owner(), a.balance().wei()));
        TreeSet<String> orgs = new TreeSet<>(held.keySet());
        orgs.addAll(escrow.keySet());
        List<Difference> diffs = new ArrayList<>();
        for (String org : orgs) {
            BigInteger expected = held.getOrDefault(org, BigInteger.ZERO);
            BigInteger actual = escrow.getOrDefault(org, BigInteger.ZERO);
            if (!expected.equals(actual)) {
                diffs.add(new Difference("organization " + org + " escrow", cpc(expected), cpc(actual)));
            }
        }
        return check("escrow-matches-open-holds", "each organization's escrow equals what its open task holds still hold", diffs);
    }

    private Check noNegative(List<LedgerAccount> all) {
        List<Difference> diffs = all.stream()
                .filter(a -> a.type().mustStayNonNegative() && a.balance().isNegative())
                .map(a -> new Difference(a.ref().toString(), ">= 0.0", a.balance().toCpc())).toList();
        return check("no-negative-balances", "no organization, worker or in-flight account is below zero", diffs);
    }

    private static Check check(String name, String description, List<Difference> diffs) {
        return new Check(name, description, diffs.isEmpty(), diffs);
    }

    private static String cpc(BigInteger wei) {
        return Amount.ofWei(wei).toCpc();
    }
}
