package com.computemarket.billing.application;

import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;

public record AccountView(AccountType type, String owner, Amount balance) {
}
