package com.computemarket.billing.application;

import com.computemarket.shared.Posting;
import java.util.List;

/**
 * What to post: the postings must sum to zero (checked when the entry is built). The idempotency key names the
 * movement (e.g. "escrow-hold:" + task id): posting the same key again returns the first entry and changes nothing.
 */
public record EntryDraft(String idempotencyKey, String kind, String reference, List<Posting> postings) {

    public EntryDraft {
        postings = postings == null ? List.of() : List.copyOf(postings);
    }
}
