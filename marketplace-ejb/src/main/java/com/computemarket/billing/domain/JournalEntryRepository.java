package com.computemarket.billing.domain;

import com.computemarket.shared.AccountRef;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface JournalEntryRepository {
    Optional<JournalEntry> byKey(String idempotencyKey);
    void add(JournalEntry entry);
    /** Newest first. */
    List<JournalEntry> page(int limit, int offset);
    long count();
    /** The sum of each account's postings, recomputed from the journal (for the invariants). */
    Map<AccountRef, BigInteger> postingSums();
}
