package com.computemarket.billing.application;

import com.computemarket.billing.domain.JournalEntry;
import com.computemarket.shared.Posting;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A posted entry as callers and the API see it. */
public record JournalEntryView(UUID id, String idempotencyKey, String kind, String reference, Instant postedAt,
                               List<Posting> postings) {

    public static JournalEntryView of(JournalEntry entry) {
        return new JournalEntryView(entry.id(), entry.idempotencyKey(), entry.kind(), entry.reference(), entry.postedAt(),
                entry.postings());
    }
}
