package com.computemarket.billing.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** PLACEHOLDER for the payouts branch (fields guessed) — billing's version wins at merge. */
public record JournalEntryView(UUID id, String idempotencyKey, String kind, String reference, Instant postedAt,
                               List<Posting> postings) {
}
