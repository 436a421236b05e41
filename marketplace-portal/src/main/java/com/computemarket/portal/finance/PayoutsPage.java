package com.computemarket.portal.finance;

import com.computemarket.portal.Pages;
import com.computemarket.settlement.application.PayoutQueries;
import com.computemarket.settlement.application.PayoutRun;
import com.computemarket.settlement.domain.Payout;
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

    private PayoutQueries.Page page;

    @PostConstruct
    void load() {
        page = Pages.attempt(() -> queries.list(caller, 100, 0));
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

    public List<Payout> getPayouts() {
        return page == null ? List.of() : page.payouts();
    }

    public long getTotal() {
        return page == null ? 0 : page.total();
    }

    public String time(Instant instant) {
        return Pages.time(instant);
    }

}
