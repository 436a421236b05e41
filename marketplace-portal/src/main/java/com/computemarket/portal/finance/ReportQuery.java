package com.computemarket.portal.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The period and worker of a payout report as the page and the downloads read them from the query string: dates
 * like 2026-11-01 (UTC days, both included; default this month so far), an optional worker id.
 */
public record ReportQuery(LocalDate from, LocalDate to, UUID worker, String problem) {

    public static ReportQuery from(String from, String to, String worker) {
        LocalDate today = LocalDate.now(Clock.systemUTC());
        try {
            LocalDate start = from == null ? today.withDayOfMonth(1) : LocalDate.parse(from);
            LocalDate end = to == null ? today : LocalDate.parse(to);
            UUID id = worker == null || worker.isBlank() ? null : UUID.fromString(worker.strip());
            return new ReportQuery(start, end, id, end.isBefore(start) ? "The period ends before it starts." : null);
        } catch (DateTimeParseException e) {
            return new ReportQuery(today.withDayOfMonth(1), today, null, "Dates are written like 2026-11-01.");
        } catch (IllegalArgumentException e) {
            return new ReportQuery(today.withDayOfMonth(1), today, null, "A worker is named by its id (a UUID).");
        }
    }

    public String getWorkerText() {
        return worker == null ? "" : worker.toString();
    }
}
