package com.computemarket.billing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.TaskId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerReadingTest {

    private final Fakes fakes = new Fakes();
    private final LedgerReading reading = new LedgerReading();

    LedgerReadingTest() {
        reading.ledger = fakes.ledger;
        reading.accounts = fakes.accounts;
        reading.entries = fakes.entries;
        reading.deposits = fakes.intake;
    }

    @Test
    void aCustomerSeesItsOwnBalanceAndDepositAddress() {
        fakes.fund("acme", 10);
        fakes.escrow.hold(TaskId.of(UUID.randomUUID()), "acme", Amount.cpc(4));

        OrganizationBalance balance = reading.balanceOf(Fakes.customerOf("acme"), "acme");

        assertEquals(Amount.cpc(6), balance.available());
        assertEquals(Amount.cpc(4), balance.escrow());
        assertEquals(fakes.keys.addressOf("acme"), balance.depositAddress());
    }

    @Test
    void anotherOrganizationIsNotFoundForACustomerAndTheLedgerIsForbidden() {
        assertEquals(404, assertThrows(DomainException.class,
                () -> reading.balanceOf(Fakes.customerOf("acme"), "globex")).status());
        assertEquals(403, assertThrows(DomainException.class,
                () -> reading.entries(Fakes.customerOf("acme"), PageRequest.of(10, 0))).status());
        assertEquals(403, assertThrows(DomainException.class, () -> reading.accounts(Fakes.customerOf("acme"))).status());
    }

    @Test
    void entriesComeNewestFirstInPages() {
        fakes.fund("acme", 1);
        fakes.fund("acme", 2);
        fakes.fund("acme", 3);

        var page = reading.entries(Fakes.admin(), PageRequest.of(2, 1));

        assertEquals(3, page.total());
        assertEquals(2, page.items().size());
        assertEquals(Amount.cpc(2), page.items().get(0).postings().get(1).amount());
        assertEquals(400, assertThrows(DomainException.class, () -> PageRequest.of(0, 0)).status());
        assertEquals(400, assertThrows(DomainException.class, () -> PageRequest.of(10, -1)).status());
    }
}
