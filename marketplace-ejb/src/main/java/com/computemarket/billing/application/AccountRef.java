package com.computemarket.billing.application;

/** PLACEHOLDER for the payouts branch, per /work/contracts.md — billing's version wins at merge. */
public record AccountRef(AccountType type, String owner) {
}
