package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.billing.application.DepositIntake;
import com.computemarket.billing.application.InvariantReport;
import com.computemarket.billing.application.JournalEntryView;
import com.computemarket.billing.application.Ledger;
import com.computemarket.billing.application.LedgerInvariants;
import com.computemarket.chain.rpc.Inclusion;
import com.computemarket.chain.settlement.ChainSettlement;
import com.computemarket.chain.settlement.SentTransaction;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.Amount;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container, against the real devnet node: a TRANSFER from the faucet wallet to an organization's deposit
 * address is credited to its available balance once it has the configured confirmations (default 3), and only once.
 */
@ExtendWith(ArquillianExtension.class)
class DepositIT {

    private static final int CONFIRMATIONS = Integer.getInteger("cm.deposits.confirmations", 3);

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.marketplaceWith(DepositIT.class);
    }

    @Inject DepositIntake deposits;
    @Inject ChainSettlement chain;
    @Inject Ledger ledger;
    @Inject LedgerInvariants invariants;

    @Test
    void aTransferToTheDepositAddressIsCreditedOnceAfterItsConfirmations() throws Exception {
        String org = "dep-" + UUID.randomUUID().toString().substring(0, 8);
        String address = deposits.addressFor(org);
        assertEquals(address, deposits.addressFor(org), "one address per organization");
        BigInteger amount = new BigInteger("2500000000000000000"); // 2.5 CPC

        SentTransaction sent = chain.transfer(address, amount);
        Inclusion inclusion = chain.awaitInclusion(sent);

        AccountRef available = AccountRef.available(org);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (ledger.balance(available).isZero() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        long heightWhenCredited = chain.height();
        assertEquals(Amount.ofWei(amount), ledger.balance(available), "credited within 60 s");
        assertTrue(heightWhenCredited >= inclusion.height() + CONFIRMATIONS - 1,
                "credited at height " + heightWhenCredited + ", before block " + inclusion.height() + " had "
                        + CONFIRMATIONS + " confirmations");
        JournalEntryView entry = ledger.entry("deposit:" + sent.txHash()).orElseThrow();
        assertEquals("deposit", entry.kind());

        long later = chain.height() + 5;
        while (chain.height() < later) {
            Thread.sleep(200);
        }
        Thread.sleep(1500); // a few more scanner ticks
        assertEquals(Amount.ofWei(amount), ledger.balance(available), "credited exactly once");
        InvariantReport report = invariants.check();
        assertTrue(report.ok(), () -> "ledger invariants: " + report.failed());
    }
}
