package com.computemarket.portal.customer;

import com.computemarket.portal.Pages;
import com.computemarket.reporting.application.Statements;
import com.computemarket.shared.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The organization's monthly statement (UTC months); ?month=2026-11, default this month. */
@Named
@RequestScoped
public class StatementPage {

    @Inject Caller caller;
    @Inject Statements statements;

    private String month;
    private Statements.Statement statement;

    @PostConstruct
    void load() {
        month = Pages.param("month");
        YearMonth m;
        try {
            m = month == null ? YearMonth.now(Clock.systemUTC()) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            Pages.error("The month is written like 2026-11; got \"" + month + "\".");
            return;
        }
        month = m.toString();
        YearMonth wanted = m;
        statement = Pages.attempt(() -> statements.monthly(caller, caller.requireOrganization(), wanted));
    }

    public String getMonth() {
        return month;
    }

    public Statements.Statement getStatement() {
        return statement;
    }

    public String getPrevious() {
        return statement == null ? "" : statement.month().minusMonths(1).toString();
    }

    public String getNext() {
        return statement == null ? "" : statement.month().plusMonths(1).toString();
    }

    public String time(Instant instant) {
        return Pages.time(instant);
    }

}
