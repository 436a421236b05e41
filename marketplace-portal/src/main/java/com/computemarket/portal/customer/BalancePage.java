package com.computemarket.portal.customer;

import com.computemarket.billing.application.LedgerReading;
import com.computemarket.billing.application.OrganizationBalance;
import com.computemarket.portal.Pages;
import com.computemarket.shared.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The organization's balance and where to deposit. */
@Named
@RequestScoped
public class BalancePage {

    @Inject Caller caller;
    @Inject LedgerReading reading;

    private OrganizationBalance balance;

    @PostConstruct
    void load() {
        balance = Pages.attempt(() -> reading.balanceOf(caller, caller.requireOrganization()));
    }

    public OrganizationBalance getBalance() {
        return balance;
    }
}
