package com.computemarket.settlement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PayoutTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private final Payout payout = new Payout(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "cpc1x",
            Amount.cpc(2), NOW);

    @Test
    void goesPendingSignedSentConfirmedAndThenIsClosed() {
        assertEquals(PayoutStatus.PENDING, payout.status());
        payout.signed(BigInteger.valueOf(7), "aa", "{raw}", 10, NOW);
        assertEquals(PayoutStatus.SIGNED, payout.status());
        payout.sent(11, NOW);
        payout.sent(12, NOW); // again: nothing changes
        assertEquals(11L, payout.sentAtHeight().orElseThrow());
        assertTrue(payout.confirmed("aa", 12, "bb", Amount.ofWei(21_000_000), NOW));
        assertEquals(PayoutStatus.CONFIRMED, payout.status());
        assertEquals(1, payout.attempts());
        assertFalse(payout.status().open());
    }

    @Test
    void aSecondConfirmationOfTheSameTransactionChangesNothing() {
        payout.signed(BigInteger.ONE, "aa", "{raw}", 1, NOW);
        payout.confirmed("aa", 3, "bb", Amount.ofWei(5), NOW);
        assertFalse(payout.confirmed("aa", 4, "cc", Amount.ofWei(6), NOW));
        assertEquals(3L, payout.blockHeight().orElseThrow());
    }

    @Test
    void aTransactionOtherThanTheRecordedOneNeverConfirmsIt() {
        payout.signed(BigInteger.ONE, "aa", "{raw}", 1, NOW);
        DomainException e = assertThrows(DomainException.class, () -> payout.confirmed("zz", 3, "bb", Amount.ZERO, NOW));
        assertEquals(409, e.status());
        assertEquals(PayoutStatus.SIGNED, payout.status());
    }

    @Test
    void aSignedPayoutIsNeverSignedAgainUnlessItsTransactionWasReplaced() {
        payout.signed(BigInteger.ONE, "aa", "{raw}", 1, NOW);
        assertThrows(DomainException.class, () -> payout.signed(BigInteger.TWO, "bb", "{raw2}", 2, NOW));
        payout.sent(2, NOW);
        assertThrows(DomainException.class, () -> payout.signed(BigInteger.TWO, "bb", "{raw2}", 2, NOW));

        payout.replaced(NOW);
        assertEquals(PayoutStatus.REPLACED, payout.status());
        assertTrue(payout.status().open(), "still owed to the worker");
        payout.signed(BigInteger.TWO, "bb", "{raw2}", 5, NOW);
        assertEquals(2, payout.attempts());
        assertEquals("aa", payout.deadTransactions().get(0).txHash());
        assertEquals(BigInteger.ONE, payout.deadTransactions().get(0).nonce());
    }

    @Test
    void onlyARecordedTransactionCanBeSentOrReplaced() {
        assertThrows(DomainException.class, () -> payout.sent(1, NOW));
        assertThrows(DomainException.class, () -> payout.replaced(NOW));
    }

    @Test
    void aConfirmedPayoutCannotFailOrBeReplaced() {
        payout.signed(BigInteger.ONE, "aa", "{raw}", 1, NOW);
        payout.confirmed("aa", 3, "bb", Amount.ZERO, NOW);
        assertThrows(DomainException.class, () -> payout.fail("late", NOW));
        assertThrows(DomainException.class, () -> payout.replaced(NOW));
    }

    @Test
    void aFailedPayoutKeepsItsReason() {
        payout.fail("invalid_address: x", NOW);
        assertEquals(PayoutStatus.FAILED, payout.status());
        assertEquals("invalid_address: x", payout.failure().orElseThrow());
        assertThrows(DomainException.class, () -> payout.signed(BigInteger.ONE, "aa", "{raw}", 1, NOW));
    }

    @Test
    void aPayoutMovesAPositiveAmount() {
        assertThrows(IllegalArgumentException.class,
                () -> new Payout(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "cpc1x", Amount.ZERO, NOW));
    }
}
