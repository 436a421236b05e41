package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.billing.application.Ledger;
import com.computemarket.billing.application.LedgerInvariants;
import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.settlement.ChainSettlement;
import com.computemarket.settlement.application.PayoutRun;
import com.computemarket.settlement.application.PayoutSteps;
import com.computemarket.settlement.domain.Payout;
import com.computemarket.settlement.domain.PayoutStatus;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container, on the devnet: a worker's payable is paid by a payout run as one L1 TRANSFER found in a block,
 * the worker's address holds exactly the amount, the ledger moves payable → in flight → L1 wallet (+ fee), and a
 * second run pays nothing.
 */
@ExtendWith(ArquillianExtension.class)
class PayoutIT {

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.marketplaceWith(PayoutIT.class, PayoutFixture.class, TestWorkers.class);
    }

    @Inject PayoutRun payoutRun;

    @Inject
    LedgerInvariants ledgerInvariants;

    @AfterEach
    void ledgerInvariantsHold() {
        var report = ledgerInvariants.check();
        org.junit.jupiter.api.Assertions.assertTrue(report.ok(), "ledger invariants broken: " + report);
    }
    @Inject PayoutSteps steps;
    @Inject Ledger ledger;
    @Inject TestWorkers directory;
    @Inject ChainSettlement chain;

    @Test
    void aPayableIsPaidOnTheL1ExactlyOnceAndTheLedgerFollows() throws Exception {
        String address = ChainKey.generate(new SecureRandom()).address();
        Amount amount = Amount.parseCpc("amount", "2.5");
        PayoutFixture.drain(payoutRun, steps); // payables other tests left on this shared server are paid first
        UUID worker = PayoutFixture.workerWithPayable(directory, ledger, address, amount);
        Amount inFlightBefore = ledger.balance(PayoutFixture.platform(AccountType.PAYOUTS_IN_FLIGHT));
        Amount walletBefore = ledger.balance(PayoutFixture.platform(AccountType.L1_WALLET));
        Amount feesBefore = ledger.balance(PayoutFixture.platform(AccountType.L1_FEES));

        PayoutRun.Result run = payoutRun.run("payout-it");
        Payout created = run.payouts().stream().filter(p -> p.workerId().equals(worker)).findFirst().orElseThrow();
        assertEquals(amount, created.amount());
        assertEquals(Amount.ZERO, ledger.balance(PayoutFixture.payable(worker)), "payable moved in flight at once");

        Payout paid = PayoutFixture.awaitStatus(steps, created.id(), PayoutStatus.CONFIRMED, Duration.ofSeconds(60));

        assertEquals(PayoutStatus.CONFIRMED, paid.status());
        assertEquals(1, paid.attempts());
        assertTrue(paid.blockHeight().orElseThrow() >= paid.signedAtHeight().orElseThrow());
        assertEquals(amount.wei(), chain.balance(address), "the worker's L1 address holds exactly the amount");
        assertEquals(1, PayoutFixture.transfersTo(chain.nodeUrl(), address));
        Amount fee = paid.fee().orElseThrow();
        assertEquals(Amount.ofWei(BigInteger.valueOf(21_000L * 1000)), fee, "TRANSFER gas × devnet gas price");
        assertEquals(inFlightBefore, ledger.balance(PayoutFixture.platform(AccountType.PAYOUTS_IN_FLIGHT)));
        assertEquals(walletBefore.plus(amount).plus(fee), ledger.balance(PayoutFixture.platform(AccountType.L1_WALLET)));
        assertEquals(feesBefore.minus(fee), ledger.balance(PayoutFixture.platform(AccountType.L1_FEES)));

        PayoutRun.Result again = payoutRun.run("payout-it");
        assertTrue(again.payouts().stream().noneMatch(p -> p.workerId().equals(worker)), "nothing left to pay");
        Thread.sleep(1500); // a few devnet blocks
        assertEquals(1, PayoutFixture.transfersTo(chain.nodeUrl(), address));
        assertEquals(amount.wei(), chain.balance(address));
    }

    @Test
    void aPayableBelowTheThresholdWaits() throws InterruptedException {
        String address = ChainKey.generate(new SecureRandom()).address();
        UUID worker = PayoutFixture.workerWithPayable(directory, ledger, address, Amount.parseCpc("amount", "0.5"));

        PayoutRun.Result run = payoutRun.run("payout-it");
        PayoutFixture.settle(run, steps); // others' payables it paid are confirmed before the next test measures

        assertTrue(run.payouts().stream().noneMatch(p -> p.workerId().equals(worker)));
        assertEquals(Amount.parseCpc("amount", "0.5"), ledger.balance(PayoutFixture.payable(worker)));
    }
}
