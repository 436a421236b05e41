package com.computemarket.billing.domain;

import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Posting;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One posting as stored with its entry. */
@Embeddable
public class PostingLine {

    @Enumerated(EnumType.STRING)
    @Column(name = "account_type", nullable = false, columnDefinition = "varchar(32)")
    private AccountType accountType;
    @Column(name = "account_owner", nullable = false, length = 64)
    private String accountOwner;
    @Column(nullable = false, precision = 38, scale = 0)
    private Amount amount;

    protected PostingLine() {
    }

    PostingLine(Posting posting) {
        this.accountType = posting.account().type();
        this.accountOwner = posting.account().owner();
        this.amount = posting.amount();
    }

    public Posting toPosting() {
        return new Posting(new AccountRef(accountType, accountOwner), amount);
    }
}
