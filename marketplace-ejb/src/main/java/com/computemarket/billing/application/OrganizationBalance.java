package com.computemarket.billing.application;

import com.computemarket.shared.Amount;

public record OrganizationBalance(String organization, Amount available, Amount escrow, String depositAddress) {
}
