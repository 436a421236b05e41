package com.computemarket.billing.api;

import com.computemarket.billing.application.JournalEntryView;
import com.computemarket.shared.Posting;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A journal entry: postings are signed decimal CPC strings (credit positive, debit negative) that sum to zero. */
public record EntryView(UUID id, @JsonbProperty("idempotency_key") String idempotencyKey, String kind, String reference,
                        @JsonbProperty("posted_at") Instant postedAt, List<PostingView> postings) {

    public record PostingView(@JsonbProperty("account_type") String accountType, String owner, String amount) {
        static PostingView of(Posting p) {
            return new PostingView(p.account().type().name(), p.account().owner(), p.amount().toCpc());
        }
    }

    static EntryView of(JournalEntryView e) {
        return new EntryView(e.id(), e.idempotencyKey(), e.kind(), e.reference(), e.postedAt(),
                e.postings().stream().map(PostingView::of).toList());
    }
}
