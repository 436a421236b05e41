package com.computemarket.billing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.billing.application.InvariantReport.Check;
import com.computemarket.billing.application.InvariantReport.Difference;
import com.computemarket.billing.domain.EscrowHold;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.JobId;
import com.computemarket.shared.TaskId;
import com.computemarket.shared.WorkerId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerInvariantsTest {

    private final Fakes fakes = new Fakes();

    private Check check(InvariantReport report, String name) {
        return report.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aLedgerMovedOnlyByEntriesPassesEveryCheck() {
        fakes.fund("acme", 50);
        UUID task = UUID.randomUUID();
        fakes.escrow.hold(TaskId.of(task), "acme", Amount.cpc(20));
        fakes.escrow.settleJob(TaskId.of(task), JobId.of(UUID.randomUUID()), WorkerId.of(UUID.randomUUID()), Amount.cpc(5));

        InvariantReport report = fakes.invariants.check();

        assertTrue(report.ok(), report.failed().toString());
        assertEquals(List.of("ledger-sums-to-zero", "balances-match-postings", "escrow-matches-open-holds",
                "no-negative-balances"), report.checks().stream().map(Check::name).toList());
    }

    @Test
    void aBalanceChangedOutsideAnEntryIsReportedWithTheDifference() {
        fakes.fund("acme", 50);
        fakes.accounts.lockOrOpen(AccountRef.platform(AccountType.L1_WALLET)).apply(Amount.cpc(1));

        InvariantReport report = fakes.invariants.check();

        assertFalse(report.ok());
        assertEquals(List.of(new Difference("all accounts", "0.0", "1.0")), check(report, "ledger-sums-to-zero").differences());
        assertEquals(List.of(new Difference("L1_WALLET:platform", "-50.0", "-49.0")),
                check(report, "balances-match-postings").differences());
        assertTrue(check(report, "escrow-matches-open-holds").ok());
    }

    @Test
    void escrowThatDiffersFromTheOpenHoldsIsReportedPerOrganization() {
        fakes.fund("acme", 50);
        fakes.escrow.hold(TaskId.of(UUID.randomUUID()), "acme", Amount.cpc(20));
        fakes.holds.add(new EscrowHold(UUID.randomUUID(), "acme", Amount.cpc(3), Instant.EPOCH)); // a hold without its entry

        Check escrow = check(fakes.invariants.check(), "escrow-matches-open-holds");

        assertFalse(escrow.ok());
        assertEquals(List.of(new Difference("organization acme escrow", "23.0", "20.0")), escrow.differences());
    }
}
