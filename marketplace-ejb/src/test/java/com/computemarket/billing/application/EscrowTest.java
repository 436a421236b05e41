package com.computemarket.billing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.JobId;
import com.computemarket.shared.TaskId;
import com.computemarket.shared.WorkerId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EscrowTest {

    private final Fakes fakes = new Fakes();
    private final Escrow escrow = fakes.escrow;
    private final UUID task = UUID.randomUUID();
    private final UUID worker = UUID.randomUUID();
    private final AccountRef available = AccountRef.available("acme");
    private final AccountRef held = AccountRef.escrow("acme");
    private final AccountRef fees = AccountRef.platform(AccountType.PLATFORM_FEES);

    @Test
    void aHoldMovesMoneyFromAvailableToEscrowOnce() {
        fakes.fund("acme", 100);

        escrow.hold(TaskId.of(task), "acme", Amount.cpc(30));
        escrow.hold(TaskId.of(task), "acme", Amount.cpc(30));

        assertEquals(Amount.cpc(70), fakes.balance(available));
        assertEquals(Amount.cpc(30), fakes.balance(held));
        assertTrue(fakes.invariants.check().ok());
    }

    @Test
    void aHoldLargerThanTheBalanceIsRefusedAndHoldsNothing() {
        fakes.fund("acme", 5);

        DomainException e = assertThrows(DomainException.class, () -> escrow.hold(TaskId.of(task), "acme", Amount.cpc(30)));

        assertEquals(422, e.status());
        assertEquals("insufficient-funds", e.type());
        assertEquals(Amount.cpc(5), fakes.balance(available));
        assertTrue(fakes.holds.rows.isEmpty());
        assertTrue(fakes.invariants.check().ok());
    }

    @Test
    void aSettledJobPaysTheWorkerLessTheFeeAndThePlatformTheFeeOncePerJob() {
        fakes.fund("acme", 100);
        escrow.hold(TaskId.of(task), "acme", Amount.cpc(30));
        UUID job = UUID.randomUUID();

        escrow.settleJob(TaskId.of(task), JobId.of(job), WorkerId.of(worker), Amount.cpc(10));
        escrow.settleJob(TaskId.of(task), JobId.of(job), WorkerId.of(worker), Amount.cpc(10));

        assertEquals(Amount.cpc(9), fakes.balance(AccountRef.payable(worker)));
        assertEquals(Amount.cpc(1), fakes.balance(fees));
        assertEquals(Amount.cpc(20), fakes.balance(held));
        assertEquals(Amount.cpc(20), fakes.holds.rows.get(task).remaining());
        assertTrue(fakes.invariants.check().ok());
    }

    @Test
    void releaseGivesTheRestBackClosesTheHoldAndIsSafeToRepeat() {
        fakes.fund("acme", 100);
        escrow.hold(TaskId.of(task), "acme", Amount.cpc(30));
        escrow.settleJob(TaskId.of(task), JobId.of(UUID.randomUUID()), WorkerId.of(worker), Amount.cpc(10));

        assertEquals(Amount.cpc(20), escrow.release(TaskId.of(task), "task completed"));
        assertEquals(Amount.ZERO, escrow.release(TaskId.of(task), "task completed"));

        assertEquals(Amount.cpc(90), fakes.balance(available));
        assertEquals(Amount.ZERO, fakes.balance(held));
        assertTrue(fakes.invariants.check().ok(), fakes.invariants.check().failed().toString());
    }

    @Test
    void aRewardAboveWhatRemainsOrAfterReleaseIsRefusedAndPaysNothing() {
        fakes.fund("acme", 100);
        escrow.hold(TaskId.of(task), "acme", Amount.cpc(10));

        DomainException tooMuch = assertThrows(DomainException.class,
                () -> escrow.settleJob(TaskId.of(task), JobId.of(UUID.randomUUID()), WorkerId.of(worker), Amount.cpc(11)));
        escrow.release(TaskId.of(task), "cancelled");
        DomainException closed = assertThrows(DomainException.class,
                () -> escrow.settleJob(TaskId.of(task), JobId.of(UUID.randomUUID()), WorkerId.of(worker), Amount.cpc(1)));

        assertEquals("insufficient-escrow", tooMuch.type());
        assertEquals(409, closed.status());
        assertEquals(Amount.ZERO, fakes.balance(AccountRef.payable(worker)));
        assertEquals(Amount.cpc(100), fakes.balance(available));
    }

    @Test
    void aSecondHoldForTheSameTaskWithOtherTermsIsAConflict() {
        fakes.fund("acme", 100);
        escrow.hold(TaskId.of(task), "acme", Amount.cpc(10));

        assertEquals(409, assertThrows(DomainException.class, () -> escrow.hold(TaskId.of(task), "acme", Amount.cpc(11))).status());
        assertEquals(Amount.cpc(90), fakes.balance(available));
    }

    @Test
    void settlingOrReleasingAnUnknownTaskIsNotFound() {
        assertEquals(404, assertThrows(DomainException.class, () -> escrow.release(TaskId.of(task), "x")).status());
        assertEquals(404, assertThrows(DomainException.class,
                () -> escrow.settleJob(TaskId.of(task), JobId.of(UUID.randomUUID()), WorkerId.of(worker), Amount.cpc(1))).status());
    }
}
