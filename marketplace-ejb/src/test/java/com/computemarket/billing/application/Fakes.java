package com.computemarket.billing.application;

import com.computemarket.billing.domain.Deposit;
import com.computemarket.billing.domain.DepositAddress;
import com.computemarket.billing.domain.DepositRepository;
import com.computemarket.billing.domain.EscrowHold;
import com.computemarket.billing.domain.EscrowHoldRepository;
import com.computemarket.billing.domain.JournalEntry;
import com.computemarket.billing.domain.JournalEntryRepository;
import com.computemarket.billing.domain.LedgerAccount;
import com.computemarket.billing.domain.LedgerAccountRepository;
import com.computemarket.billing.domain.ManualCredit;
import com.computemarket.billing.domain.ManualCreditRepository;
import com.computemarket.billing.domain.ScanCursor;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.shared.Posting;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** In-memory repositories and a wired set of billing services, for tests without a server. */
final class Fakes {

    final Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    final Accounts accounts = new Accounts();
    final Entries entries = new Entries();
    final Holds holds = new Holds();
    final Deposits deposits = new Deposits();
    final Credits credits = new Credits();
    final Ledger ledger = new Ledger(accounts, entries, clock);
    final Escrow escrow = new Escrow(ledger, holds, clock, 1000);
    final LedgerInvariants invariants = new LedgerInvariants(accounts, entries, holds, clock);
    final DepositKeys keys = new DepositKeys("unit-test-deposit-secret");
    final DepositIntake intake = new DepositIntake(deposits, keys, ledger, clock);
    final ManualCrediting manualCredits = new ManualCrediting(ledger, credits, clock);

    static Caller admin() {
        return new Caller("sub-admin", "admin", Set.of(Caller.ADMIN), Optional.empty());
    }

    static Caller customerOf(String organization) {
        return new Caller("sub-" + organization, "customer", Set.of(Caller.CUSTOMER), Optional.of(organization));
    }

    /** Puts money in an organization's available balance the way a deposit does. */
    void fund(String organization, long cpc) {
        ledger.post(new EntryDraft("fund:" + UUID.randomUUID(), "deposit", null, List.of(
                new Posting(AccountRef.platform(AccountType.L1_WALLET), Amount.cpc(cpc).negate()),
                new Posting(AccountRef.available(organization), Amount.cpc(cpc)))));
    }

    Amount balance(AccountRef ref) {
        return ledger.balance(ref);
    }

    static final class Accounts implements LedgerAccountRepository {
        final Map<AccountRef, LedgerAccount> rows = new TreeMap<>();
        final List<AccountRef> lockLog = new ArrayList<>();

        @Override
        public Optional<LedgerAccount> find(AccountRef ref) {
            return Optional.ofNullable(rows.get(ref));
        }

        @Override
        public LedgerAccount lockOrOpen(AccountRef ref) {
            lockLog.add(ref);
            return rows.computeIfAbsent(ref, r -> new LedgerAccount(r, Instant.EPOCH));
        }

        @Override
        public List<LedgerAccount> all() {
            return List.copyOf(rows.values());
        }
    }

    static final class Entries implements JournalEntryRepository {
        final Map<String, JournalEntry> byKey = new LinkedHashMap<>();

        @Override
        public Optional<JournalEntry> byKey(String key) {
            return Optional.ofNullable(byKey.get(key));
        }

        @Override
        public void add(JournalEntry entry) {
            if (byKey.putIfAbsent(entry.idempotencyKey(), entry) != null) {
                throw new IllegalStateException("duplicate key " + entry.idempotencyKey());
            }
        }

        @Override
        public List<JournalEntry> page(int limit, int offset) {
            List<JournalEntry> all = new ArrayList<>(byKey.values());
            java.util.Collections.reverse(all);
            return all.stream().skip(offset).limit(limit).toList();
        }

        @Override
        public long count() {
            return byKey.size();
        }

        @Override
        public Map<AccountRef, BigInteger> postingSums() {
            Map<AccountRef, BigInteger> sums = new HashMap<>();
            byKey.values().forEach(e -> e.postings().forEach(p -> sums.merge(p.account(), p.amount().wei(), BigInteger::add)));
            return sums;
        }
    }

    static final class Holds implements EscrowHoldRepository {
        final Map<UUID, EscrowHold> rows = new HashMap<>();

        @Override
        public void add(EscrowHold hold) {
            rows.put(hold.taskId(), hold);
        }

        @Override
        public Optional<EscrowHold> lock(UUID taskId) {
            return Optional.ofNullable(rows.get(taskId));
        }

        @Override
        public Map<String, BigInteger> openRemainingByOrganization() {
            Map<String, BigInteger> sums = new HashMap<>();
            rows.values().stream().filter(EscrowHold::isOpen)
                    .forEach(h -> sums.merge(h.organization(), h.remaining().wei(), BigInteger::add));
            return sums;
        }
    }

    static final class Deposits implements DepositRepository {
        final Map<String, DepositAddress> addresses = new HashMap<>();
        final Map<String, Deposit> credited = new LinkedHashMap<>();
        final Map<String, ScanCursor> cursors = new HashMap<>();

        @Override
        public Optional<DepositAddress> addressOf(String organization) {
            return Optional.ofNullable(addresses.get(organization));
        }

        @Override
        public void addAddress(DepositAddress address) {
            addresses.put(address.organization(), address);
        }

        @Override
        public Map<String, String> organizationsOf(Collection<String> wanted) {
            Map<String, String> owners = new HashMap<>();
            addresses.values().stream().filter(a -> wanted.contains(a.address()))
                    .forEach(a -> owners.put(a.address(), a.organization()));
            return owners;
        }

        @Override
        public boolean credited(String txHash) {
            return credited.containsKey(txHash);
        }

        @Override
        public void add(Deposit deposit) {
            if (credited.putIfAbsent(deposit.txHash(), deposit) != null) {
                throw new IllegalStateException("deposit " + deposit.txHash() + " recorded twice");
            }
        }

        @Override
        public ScanCursor lockCursor(String name) {
            return cursors.computeIfAbsent(name, ScanCursor::new);
        }

        @Override
        public Optional<ScanCursor> cursor(String name) {
            return Optional.ofNullable(cursors.get(name));
        }
    }

    static final class Credits implements ManualCreditRepository {
        final List<ManualCredit> rows = new ArrayList<>();

        @Override
        public void add(ManualCredit credit) {
            rows.add(credit);
        }

        @Override
        public List<ManualCredit> page(int limit, int offset) {
            return rows.stream().sorted(Comparator.comparing(ManualCredit::creditedAt).reversed())
                    .skip(offset).limit(limit).toList();
        }

        @Override
        public long count() {
            return rows.size();
        }
    }
}
