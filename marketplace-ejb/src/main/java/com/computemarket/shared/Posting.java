package com.computemarket.shared;

import java.util.Objects;

/** One line of an entry: a credit (positive, the balance grows) or a debit (negative) of one account. */
public record Posting(AccountRef account, Amount amount) {

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
    }
}
