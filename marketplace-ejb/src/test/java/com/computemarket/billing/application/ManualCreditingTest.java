package com.computemarket.billing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.billing.domain.ManualCredit;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import org.junit.jupiter.api.Test;

class ManualCreditingTest {

    private final Fakes fakes = new Fakes();
    private final ManualCrediting crediting = fakes.manualCredits;

    @Test
    void anAdminCreditIsPostedAndAuditedWithWhoWhenWhyAndTheEntry() {
        ManualCreditView view = crediting.credit(Fakes.admin(), "acme", "12.5", "wire transfer 2025-001");

        assertEquals(Amount.parseCpc("x", "12.5"), fakes.balance(AccountRef.available("acme")));
        assertEquals(Amount.parseCpc("x", "12.5").negate(), fakes.balance(AccountRef.platform(AccountType.MANUAL_CREDITS)));
        ManualCredit audit = fakes.credits.rows.get(0);
        assertEquals("admin", audit.creditedBy());
        assertEquals("sub-admin", audit.creditedBySubject());
        assertEquals("wire transfer 2025-001", audit.reason());
        assertEquals(fakes.clock.instant(), audit.creditedAt());
        assertEquals(view.entryId(), fakes.ledger.entry("manual-credit:" + view.id()).orElseThrow().id());
        assertEquals(1, crediting.list(Fakes.admin(), PageRequest.of(null, null)).total());
        assertTrue(fakes.invariants.check().ok());
    }

    @Test
    void withoutAReasonOrWithABadAmountOrOrganizationNothingIsCredited() {
        assertEquals("reason-required", refused("acme", "1.0", " ").type());
        assertEquals("reason-required", refused("acme", "1.0", null).type());
        assertEquals("invalid-amount", refused("acme", "-1", "r").type());
        assertEquals("invalid-amount", refused("acme", "0", "r").type());
        assertEquals("invalid-amount", refused("acme", "1e3", "r").type());
        assertEquals("invalid-organization", refused("acme corp", "1", "r").type());
        assertEquals("invalid-reason", refused("acme", "1", "x".repeat(501)).type());

        assertEquals(0, fakes.entries.count());
        assertTrue(fakes.credits.rows.isEmpty());
    }

    @Test
    void onlyAnAdminMayCredit() {
        DomainException e = assertThrows(DomainException.class,
                () -> crediting.credit(Fakes.customerOf("acme"), "acme", "1", "please"));

        assertEquals(403, e.status());
        assertEquals(0, fakes.entries.count());
    }

    private DomainException refused(String org, String amount, String reason) {
        DomainException e = assertThrows(DomainException.class, () -> crediting.credit(Fakes.admin(), org, amount, reason));
        assertEquals(400, e.status());
        return e;
    }
}
