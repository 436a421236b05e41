package com.computemarket.billing.application;

import java.time.Instant;
import java.util.List;

/** The result of checking the ledger: ok when every check holds; each check lists its differences (in CPC). */
public record InvariantReport(boolean ok, Instant checkedAt, List<Check> checks) {

    public InvariantReport {
        checks = List.copyOf(checks);
    }

    public record Check(String name, String description, boolean ok, List<Difference> differences) {
        public Check {
            differences = List.copyOf(differences);
        }
    }

    /** What should have been and what is, for one subject (an account, an organization, the whole ledger). */
    public record Difference(String subject, String expected, String actual) {
    }

    /** The names of the checks that failed, for messages. */
    public List<String> failed() {
        return checks.stream().filter(c -> !c.ok()).map(c -> c.name() + " " + c.differences()).toList();
    }
}
