package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.billing.application.EntryDraft;
import com.computemarket.billing.application.Escrow;
import com.computemarket.billing.application.InvariantReport;
import com.computemarket.billing.application.JournalEntryView;
import com.computemarket.billing.application.Ledger;
import com.computemarket.billing.application.LedgerInvariants;
import com.computemarket.billing.application.ManualCrediting;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.JobId;
import com.computemarket.shared.Posting;
import com.computemarket.shared.TaskId;
import com.computemarket.shared.WorkerId;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container, on the real database: an admin's manual credit, then a task's escrow held, one job settled
 * (worker paid less the fee), the rest released; balances as expected and every ledger invariant holding after each test.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerIT {

    private static final Caller ADMIN = new Caller("it-admin-subject", "it-admin", Set.of(Caller.ADMIN), Optional.empty());

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.marketplaceWith(LedgerIT.class);
    }

    @Inject ManualCrediting crediting;
    @Inject Escrow escrow;
    @Inject Ledger ledger;
    @Inject LedgerInvariants invariants;

    private final String org = "it-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void invariantsHold() {
        InvariantReport report = invariants.check();
        assertTrue(report.ok(), () -> "ledger invariants: " + report.failed());
    }

    @Test
    void aCreditedOrganizationsTaskMoneyGoesThroughEscrowToTheWorkerAndTheRestComesBack() {
        UUID task = UUID.randomUUID();
        UUID worker = UUID.randomUUID();
        Amount feesBefore = ledger.balance(AccountRef.platform(AccountType.PLATFORM_FEES));

        crediting.credit(ADMIN, org, "100.0", "LedgerIT opening balance");
        escrow.hold(TaskId.of(task), org, Amount.cpc(30));
        assertEquals(Amount.cpc(70), ledger.balance(AccountRef.available(org)));
        assertEquals(Amount.cpc(30), ledger.balance(AccountRef.escrow(org)));

        UUID job = UUID.randomUUID();
        escrow.settleJob(TaskId.of(task), JobId.of(job), WorkerId.of(worker), Amount.cpc(10));
        escrow.settleJob(TaskId.of(task), JobId.of(job), WorkerId.of(worker), Amount.cpc(10)); // the same job again pays nothing more
        assertEquals(Amount.cpc(9), ledger.balance(AccountRef.payable(worker)));
        assertEquals(feesBefore.plus(Amount.cpc(1)), ledger.balance(AccountRef.platform(AccountType.PLATFORM_FEES)));
        assertEquals(Amount.cpc(20), ledger.balance(AccountRef.escrow(org)));

        assertEquals(Amount.cpc(20), escrow.release(TaskId.of(task), "task completed"));
        assertEquals(Amount.ZERO, escrow.release(TaskId.of(task), "task completed"));
        assertEquals(Amount.cpc(90), ledger.balance(AccountRef.available(org)));
        assertEquals(Amount.ZERO, ledger.balance(AccountRef.escrow(org)));
    }

    @Test
    void aHoldLargerThanTheBalanceIsRefusedAndNothingChanges() {
        crediting.credit(ADMIN, org, "5", "LedgerIT small balance");
        UUID task = UUID.randomUUID();

        DomainException refused = assertThrows(DomainException.class, () -> escrow.hold(TaskId.of(task), org, Amount.cpc(6)));

        assertEquals("insufficient-funds", refused.type());
        assertEquals(Amount.cpc(5), ledger.balance(AccountRef.available(org)));
        assertEquals(Amount.ZERO, ledger.balance(AccountRef.escrow(org)));
        assertTrue(ledger.entry("escrow-hold:" + task).isEmpty());
    }

    @Test
    void anEntryPostedTwiceUnderOneKeyCountsOnce() {
        EntryDraft draft = new EntryDraft("it-deposit:" + org, "deposit", "LedgerIT", List.of(
                new Posting(AccountRef.platform(AccountType.L1_WALLET), Amount.cpc(-3)),
                new Posting(AccountRef.available(org), Amount.cpc(3))));

        JournalEntryView first = ledger.post(draft);
        JournalEntryView second = ledger.post(draft);

        assertEquals(first.id(), second.id());
        assertEquals(Amount.cpc(3), ledger.balance(AccountRef.available(org)));
    }
}
