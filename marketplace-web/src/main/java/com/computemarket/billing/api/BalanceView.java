package com.computemarket.billing.api;

import com.computemarket.billing.application.OrganizationBalance;
import jakarta.json.bind.annotation.JsonbProperty;

/** An organization's money: available to spend, held in escrow by open tasks, and where to deposit more. */
public record BalanceView(String organization, String available, String escrow,
                          @JsonbProperty("deposit_address") String depositAddress) {

    static BalanceView of(OrganizationBalance b) {
        return new BalanceView(b.organization(), b.available().toCpc(), b.escrow().toCpc(), b.depositAddress());
    }
}
