package com.computemarket.billing.application;

import java.util.List;

/** PLACEHOLDER for the payouts branch, per /work/contracts.md — billing's version wins at merge. */
public record EntryDraft(String idempotencyKey, String kind, String reference, List<Posting> postings) {
}
