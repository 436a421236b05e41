package com.computemarket.portal.finance;

import com.computemarket.billing.application.ManualCreditView;
import com.computemarket.billing.application.ManualCrediting;
import com.computemarket.billing.application.PageRequest;
import com.computemarket.portal.Pages;
import com.computemarket.shared.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;

/** The audit log of manual credits: who credited which organization how much, when and why. */
@Named
@RequestScoped
public class CreditsPage {

    @Inject Caller caller;
    @Inject ManualCrediting crediting;

    private PageRequest.Page<ManualCreditView> page;

    @PostConstruct
    void load() {
        page = Pages.attempt(() -> crediting.list(caller, PageRequest.of(PageRequest.MAX_LIMIT, 0)));
    }

    public List<ManualCreditView> getCredits() {
        return page == null ? List.of() : page.items();
    }

    public String time(Instant instant) {
        return Pages.time(instant);
    }
}
