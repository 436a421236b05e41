package com.computemarket.billing.domain;

import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.Posting;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One movement of money: postings that sum to zero, under a unique idempotency key. Balanced by construction (the
 * constructor refuses anything else) and never changed afterwards.
 */
@Entity
@Table(name = "journal_entry", indexes = {
        @Index(name = "journal_entry_key", columnList = "idempotencyKey", unique = true),
        @Index(name = "journal_entry_posted", columnList = "postedAt")})
public class JournalEntry {

    public static final int MAX_KEY = 200;

    @Id
    private UUID id;
    @Column(nullable = false, length = MAX_KEY)
    private String idempotencyKey;
    @Column(nullable = false, length = 32)
    private String kind;
    @Column(length = 200)
    private String reference;
    @Column(nullable = false)
    private Instant postedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "journal_posting", joinColumns = @JoinColumn(name = "entry_id"),
            indexes = @Index(name = "journal_posting_account", columnList = "account_type, account_owner"))
    @OrderColumn(name = "line")
    private List<PostingLine> postings = new ArrayList<>();

    protected JournalEntry() {
    }

    public JournalEntry(String idempotencyKey, String kind, String reference, List<Posting> postings, Instant now) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY) {
            throw DomainException.invalid("invalid-entry", "an entry needs an idempotency key of 1 to " + MAX_KEY + " characters");
        }
        if (kind == null || kind.isBlank() || kind.length() > 32) {
            throw DomainException.invalid("invalid-entry", "entry " + idempotencyKey + " needs a kind of 1 to 32 characters");
        }
        if (postings.size() < 2) {
            throw DomainException.invalid("unbalanced-entry", "entry " + idempotencyKey + " needs at least two postings");
        }
        Amount sum = Amount.ZERO;
        Set<Object> accounts = new HashSet<>();
        for (Posting p : postings) {
            if (p.amount().isZero()) {
                throw DomainException.invalid("invalid-entry", "entry " + idempotencyKey + " posts zero to " + p.account());
            }
            if (!accounts.add(p.account())) {
                throw DomainException.invalid("invalid-entry", "entry " + idempotencyKey + " posts twice to " + p.account());
            }
            sum = sum.plus(p.amount());
        }
        if (!sum.isZero()) {
            throw DomainException.invalid("unbalanced-entry", "the postings of entry " + idempotencyKey
                    + " sum to " + sum.toCpc() + " CPC instead of zero");
        }
        this.id = UUID.randomUUID();
        this.idempotencyKey = idempotencyKey;
        this.kind = kind;
        this.reference = reference == null || reference.length() <= 200 ? reference : reference.substring(0, 200);
        this.postedAt = now;
        postings.forEach(p -> this.postings.add(new PostingLine(p)));
    }

    public List<Posting> postings() {
        return postings.stream().map(PostingLine::toPosting).toList();
    }

    public UUID id() { return id; }
    public String idempotencyKey() { return idempotencyKey; }
    public String kind() { return kind; }
    public String reference() { return reference; }
    public Instant postedAt() { return postedAt; }
}
