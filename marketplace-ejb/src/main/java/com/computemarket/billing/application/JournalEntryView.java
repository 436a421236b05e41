package com.computemarket.billing.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A posted entry as callers and the API see it. */
public record JournalEntryView(UUID id, String idempotencyKey, String kind, String reference, Instant postedAt,
                               List<Posting> postings) {
}
