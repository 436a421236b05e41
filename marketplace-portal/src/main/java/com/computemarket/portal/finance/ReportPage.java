package com.computemarket.portal.finance;

import com.computemarket.portal.Pages;
import com.computemarket.reporting.application.PayoutReport;
import com.computemarket.shared.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The payout report of a period (and optionally one worker), with links to the same report as CSV and PDF. */
@Named
@RequestScoped
public class ReportPage {

    @Inject Caller caller;
    @Inject PayoutReport reports;

    private ReportQuery query;
    private PayoutReport.Report report;

    @PostConstruct
    void load() {
        query = ReportQuery.from(Pages.param("from"), Pages.param("to"), Pages.param("worker"));
        if (query.problem() != null) {
            Pages.error(query.problem());
            return;
        }
        report = Pages.attempt(() -> reports.report(caller, query.from(), query.to(), query.worker()));
    }

    public ReportQuery getQuery() { return query; }
    public PayoutReport.Report getReport() { return report; }

    /** The query string of this report, for the CSV and PDF links. */
    public String getParameters() {
        return "from=" + query.from() + "&to=" + query.to()
                + (query.worker() == null ? "" : "&worker=" + URLEncoder.encode(query.worker().toString(), StandardCharsets.UTF_8));
    }

    public String time(Instant instant) {
        return Pages.time(instant);
    }
}
