package com.computemarket.portal.finance;

import com.computemarket.portal.Pages;
import com.computemarket.portal.PayoutLine;
import com.computemarket.settlement.application.PayoutQueries;
import com.computemarket.settlement.application.PayoutRun;
import com.computemarket.shared.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;

/** Payouts, newest first, with their L1 transaction and block; an admin starts a payout run from here. */
@Named
@RequestScoped
public class PayoutsPage {

    @Inject Caller caller;
    @Inject PayoutQueries queries;
    @Inject PayoutRun run;

    private List<PayoutLine> payouts = List.of();
    private long total;

    @PostConstruct
    void load() {
        PayoutQueries.Page page = Pages.attempt(() -> queries.list(caller, 100, 0));
        if (page != null) {
            payouts = page.payouts().stream().map(PayoutLine::of).toList();
            total = page.total();
        }
    }

    /** Admins only (the API's POST /payout-runs rule); finance reads. */
    public String runNow() {
        if (!caller.has(Caller.ADMIN)) {
            Pages.error("Only an admin starts a payout run.");
            return null;
        }
        var result = Pages.attempt(() -> run.run(caller.username()));
        if (result != null) {
            Pages.info("Payout run " + result.batch().id() + ": " + result.batch().count() + " payouts, "
                    + result.batch().total().toCpcFull() + " CPC.");
        }
        return "/finance/payouts.xhtml?faces-redirect=true";
    }

    public List<PayoutLine> getPayouts() {
        return payouts;
    }

    public long getTotal() {
        return total;
    }

    public String time(Instant instant) {
        return Pages.time(instant);
    }

}
