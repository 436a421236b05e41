package com.computemarket.portal.finance;

import com.computemarket.portal.Pages;
import com.computemarket.reporting.application.Reconciliation;
import com.computemarket.shared.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;

/** The ledger's deposits and payouts against the chain's blocks; rows that differ are highlighted. */
@Named
@RequestScoped
public class ReconciliationPage {

    @Inject Caller caller;
    @Inject Reconciliation reconciliation;

    private Reconciliation.Report report;

    @PostConstruct
    void load() {
        report = Pages.attempt(() -> reconciliation.reconcile(caller));
    }

    public Reconciliation.Report getReport() {
        return report;
    }

    public String time(Instant instant) {
        return Pages.time(instant);
    }
}
