package com.computemarket.billing.application;

import com.computemarket.shared.Amount;

/** A credited deposit as other contexts read it (reconciliation). */
public record DepositRecord(String organization, String txHash, long blockHeight, String address, Amount amount) {
}
