package com.computemarket.portal.operator;

import com.computemarket.portal.Pages;
import com.computemarket.portal.PayoutLine;
import com.computemarket.reporting.application.WorkerActivity;
import com.computemarket.settlement.application.PayoutQueries;
import com.computemarket.shared.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A worker operator's workers (finance and admins: all workers): GPUs, online status, leased jobs, reputation,
 * earnings and payouts with their L1 references, and charts of the last 14 days.
 */
@Named
@RequestScoped
public class WorkersPage {

    static final int DAYS = 14;

    @Inject Caller caller;
    @Inject WorkerActivity activity;
    @Inject PayoutQueries payouts;

    private List<WorkerActivity.Overview> workers = List.of();
    private List<PayoutLine> payoutLines = List.of();

    @PostConstruct
    void load() {
        List<WorkerActivity.Overview> found = Pages.attempt(() -> activity.overview(caller, DAYS));
        workers = found == null ? List.of() : found;
        PayoutQueries.Page page = Pages.attempt(() -> payouts.list(caller, 100, 0));
        if (page != null) {
            payoutLines = page.payouts().stream().map(PayoutLine::of).toList();
        }
    }

    public List<WorkerActivity.Overview> getWorkers() {
        return workers;
    }

    public List<PayoutLine> getPayouts() {
        return payoutLines;
    }

    public String jobsChart(WorkerActivity.Overview o) {
        return Charts.bars("jobs-" + o.worker().id(), "Jobs settled per day, last " + DAYS + " days", "jobs",
                o.days().stream().map(d -> new Charts.Bar(d.day().toString(), BigDecimal.valueOf(d.jobsSettled()))).toList());
    }

    public String earningsChart(WorkerActivity.Overview o) {
        return Charts.bars("earnings-" + o.worker().id(), "Earnings per day in CPC, last " + DAYS + " days", "CPC",
                o.days().stream().map(d -> new Charts.Bar(d.day().toString(), new BigDecimal(d.earned().toCpc()))).toList());
    }

    public String time(Instant instant) {
        return Pages.time(instant);
    }
}
