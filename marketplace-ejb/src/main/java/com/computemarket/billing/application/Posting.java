package com.computemarket.billing.application;

import com.computemarket.shared.Amount;

/** PLACEHOLDER for the payouts branch, per /work/contracts.md — billing's version wins at merge. */
public record Posting(AccountRef account, Amount amount) {
}
