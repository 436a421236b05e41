package com.computemarket.settlement.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.settlement.domain.Payout;
import com.computemarket.settlement.domain.PayoutStatus;
import com.computemarket.shared.Amount;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Delivery from every recorded state, with a toy chain: nothing is ever paid twice. */
class PayoutDeliveryTest {

    private final FakePayouts payouts = new FakePayouts();
    private final FakeAccounts accounts = new FakeAccounts();
    private final FakeChain chain = new FakeChain();
    private final PayoutSteps steps = new PayoutSteps();
    private final PayoutDelivery delivery;

    PayoutDeliveryTest() {
        steps.payouts = payouts;
        steps.accounts = accounts;
        steps.clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        delivery = new PayoutDelivery(steps, chain);
    }

    @Test
    void aPendingPayoutIsRecordedSignedBeforeItIsSentAndConfirmedWithItsFee() {
        Payout payout = pending("cpc1alice", 3);
        chain.beforeBroadcast = tx -> {
            assertEquals(PayoutStatus.SIGNED, payout.status(), "recorded before it is broadcast");
            assertEquals(tx.txHash(), payout.txHash().orElseThrow());
            assertEquals(tx.rawTx(), payout.rawTx().orElseThrow());
        };

        assertEquals(PayoutStatus.CONFIRMED, delivery.deliver(payout.id()));

        assertEquals(1, chain.transfersTo("cpc1alice"));
        assertEquals(FakeChain.FEE, payout.fee().orElseThrow());
        assertEquals(Amount.ZERO, accounts.inFlight);
        assertEquals(Amount.cpc(3).plus(FakeChain.FEE), accounts.l1Wallet);
        assertEquals(FakeChain.FEE.negate(), accounts.l1Fees);
    }

    @Test
    void aRedeliveredConfirmedPayoutTouchesNeitherChainNorLedger() {
        Payout payout = pending("cpc1alice", 3);
        delivery.deliver(payout.id());
        int broadcasts = chain.broadcasts;

        assertEquals(PayoutStatus.CONFIRMED, delivery.deliver(payout.id()));

        assertEquals(1, chain.signings);
        assertEquals(broadcasts, chain.broadcasts);
        assertEquals(1, chain.transfersTo("cpc1alice"));
        assertEquals(2, accounts.entries.size(), "payout: and payout-confirmed: once each");
    }

    @Test
    void signedButNeverSentBeforeACrashSendsTheRecordedBytes() {
        Payout payout = pending("cpc1alice", 3);
        SignedPayout tx = chain.sign("cpc1alice", Amount.cpc(3), BigInteger.ZERO);
        steps.signed(payout.id(), tx); // ... and the server died here

        assertEquals(PayoutStatus.CONFIRMED, delivery.deliver(payout.id()));

        assertEquals(1, chain.signings, "no second signature");
        assertEquals(tx.txHash(), payout.txHash().orElseThrow());
        assertEquals(1, chain.transfersTo("cpc1alice"));
    }

    @Test
    void sentAndAlreadyIncludedBeforeACrashIsConfirmedWithoutPayingAgain() {
        Payout payout = pending("cpc1alice", 3);
        SignedPayout tx = chain.sign("cpc1alice", Amount.cpc(3), BigInteger.ZERO);
        steps.signed(payout.id(), tx);
        chain.broadcast(tx);
        steps.sent(payout.id(), chain.height());
        chain.mine(); // included while the server was down

        assertEquals(PayoutStatus.CONFIRMED, delivery.deliver(payout.id()));

        assertEquals(1, chain.signings);
        assertEquals(1, chain.transfersTo("cpc1alice"));
        assertEquals(Amount.ZERO, accounts.inFlight);
    }

    @Test
    void sentButLostByTheNodeIsSentAgainAsTheSameTransaction() {
        Payout payout = pending("cpc1alice", 3);
        SignedPayout tx = chain.sign("cpc1alice", Amount.cpc(3), BigInteger.ZERO);
        steps.signed(payout.id(), tx);
        chain.broadcast(tx);
        steps.sent(payout.id(), chain.height());
        chain.dropPool(); // the node restarted and forgot it

        assertEquals(PayoutStatus.CONFIRMED, delivery.deliver(payout.id()));

        assertEquals(1, chain.signings);
        assertEquals(tx.txHash(), payout.txHash().orElseThrow());
        assertEquals(1, chain.transfersTo("cpc1alice"));
    }

    @Test
    void theNodeDownDelaysThePayoutAndNeverDuplicatesIt() {
        Payout payout = pending("cpc1alice", 3);
        chain.down = true;
        assertThrows(RuntimeException.class, () -> delivery.deliver(payout.id()));
        assertEquals(PayoutStatus.PENDING, payout.status());

        chain.down = false;
        chain.beforeBroadcast = tx -> chain.down = true; // down between signing and sending
        assertThrows(RuntimeException.class, () -> delivery.deliver(payout.id()));
        assertEquals(PayoutStatus.SIGNED, payout.status());

        chain.beforeBroadcast = tx -> { };
        chain.down = false;
        assertEquals(PayoutStatus.CONFIRMED, delivery.deliver(payout.id()));
        assertEquals(1, chain.signings);
        assertEquals(1, chain.transfersTo("cpc1alice"));
    }

    @Test
    void notYetIncludedAndNotProvenDeadIsLeftAsItIsForLater() {
        Payout payout = pending("cpc1alice", 3);
        chain.mines = false;

        assertThrows(PayoutNotSettledYet.class, () -> delivery.deliver(payout.id()));
        assertEquals(PayoutStatus.SENT, payout.status());
        assertThrows(PayoutNotSettledYet.class, () -> delivery.deliver(payout.id()));

        assertEquals(1, chain.signings, "waiting is never a reason to sign again");
        chain.mines = true;
        assertEquals(PayoutStatus.CONFIRMED, delivery.deliver(payout.id()));
        assertEquals(1, chain.transfersTo("cpc1alice"));
    }

    @Test
    void aTransactionProvenDeadIsReplacedByANewOneAndPaidOnce() {
        Payout payout = pending("cpc1alice", 3);
        SignedPayout first = chain.sign("cpc1alice", Amount.cpc(3), BigInteger.ZERO);
        steps.signed(payout.id(), first);
        chain.broadcast(first);
        steps.sent(payout.id(), chain.height());
        chain.dropPool();
        chain.foreignTransactionSpendsNextNonce(); // its nonce is gone, and it is in no block

        assertEquals(PayoutStatus.CONFIRMED, delivery.deliver(payout.id()));

        assertEquals(2, payout.attempts());
        assertEquals(first.txHash(), payout.deadTransactions().get(0).txHash());
        assertTrue(payout.nonce().orElseThrow().compareTo(first.nonce()) > 0);
        assertEquals(1, chain.transfersTo("cpc1alice"));
        assertEquals(Amount.ZERO, accounts.inFlight);
    }

    @Test
    void aSpentNonceWithTheTransactionInABlockIsAConfirmationNotAReplacement() {
        Payout payout = pending("cpc1alice", 3);
        SignedPayout tx = chain.sign("cpc1alice", Amount.cpc(3), BigInteger.ZERO);
        steps.signed(payout.id(), tx);
        chain.broadcast(tx);
        chain.mine(); // included, then the crash came before SENT was recorded: a resend answers nonce_too_low

        assertEquals(PayoutStatus.CONFIRMED, delivery.deliver(payout.id()));

        assertEquals(1, payout.attempts());
        assertTrue(payout.deadTransactions().isEmpty());
        assertEquals(1, chain.transfersTo("cpc1alice"));
    }

    @Test
    void anAddressTheChainRefusesFailsThePayoutAndGivesTheMoneyBack() {
        Payout payout = pending("nope", 3);

        assertEquals(PayoutStatus.FAILED, delivery.deliver(payout.id()));

        assertEquals(0, chain.signings);
        assertEquals(Amount.cpc(3), accounts.payable.get(payout.workerId()));
        assertEquals(Amount.ZERO, accounts.inFlight);
    }

    @Test
    void aRecordedButUnsentTransactionKeepsItsNonceAfterARestartAndGoesFirst() {
        Payout earlier = pending("cpc1alice", 3);
        steps.signed(earlier.id(), chain.sign("cpc1alice", Amount.cpc(3), BigInteger.ZERO));
        chain.nextNonce = BigInteger.ZERO; // restart: the adapter's memory is gone, the node never saw it
        Payout later = pending("cpc1bob", 2);

        assertEquals(PayoutStatus.CONFIRMED, delivery.deliver(later.id()));

        assertEquals(BigInteger.ONE, later.nonce().orElseThrow(), "above the recorded nonce 0");
        assertEquals(1, chain.transfersTo("cpc1alice"), "the earlier one went first, so the later one could execute");
        assertEquals(PayoutStatus.CONFIRMED, delivery.deliver(earlier.id()));
        assertEquals(1, chain.transfersTo("cpc1alice"));
        assertEquals(1, chain.transfersTo("cpc1bob"));
    }

    @Test
    void aSignatureThatCannotBeRecordedIsNeverSentAndGivesItsNonceBack() {
        Payout payout = pending("cpc1alice", 3);
        PayoutSteps failing = new PayoutSteps() {
            @Override
            public Payout signed(UUID id, SignedPayout tx) {
                throw new IllegalStateException("database gone");
            }
        };
        failing.payouts = payouts;
        failing.accounts = accounts;
        failing.clock = steps.clock;

        assertThrows(IllegalStateException.class, () -> new PayoutDelivery(failing, chain).deliver(payout.id()));
        assertEquals(0, chain.broadcasts);
        assertEquals(PayoutStatus.PENDING, payout.status());

        assertEquals(PayoutStatus.CONFIRMED, delivery.deliver(payout.id()));
        assertEquals(BigInteger.ZERO, payout.nonce().orElseThrow(), "the released nonce: no gap");
        assertEquals(1, chain.transfersTo("cpc1alice"));
    }

    private Payout pending(String address, long cpc) {
        UUID worker = UUID.randomUUID();
        accounts.payable.put(worker, Amount.cpc(cpc));
        Payout payout = new Payout(UUID.randomUUID(), UUID.randomUUID(), worker, address, Amount.cpc(cpc), Instant.now());
        payouts.add(payout);
        accounts.started(payout);
        return payout;
    }
}
