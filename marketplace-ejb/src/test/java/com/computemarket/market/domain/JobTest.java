package com.computemarket.market.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobTest {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    static final Duration TTL = Duration.ofSeconds(30);
    final UUID alice = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();
    final Job job = new Job(UUID.randomUUID(), UUID.randomUUID(), 0, "synthetic", "{}", Amount.cpc(1), T0);

    @Test
    void aLeaseExpiresAndTheJobIsQueuedAgainThenDiesAfterTheLastAttempt() {
        job.leaseTo(alice, T0, TTL);
        assertFalse(job.leaseExpired(T0.plusSeconds(29)));
        assertEquals(JobStatus.QUEUED, job.expireLease(T0.plusSeconds(30), 2));
        assertEquals(null, job.workerId());
        Lease second = job.leaseTo(bob, T0.plusSeconds(31), TTL);
        assertEquals(2, second.attempt());
        assertEquals(JobStatus.DEAD, job.expireLease(T0.plusSeconds(61), 2));
        assertThrows(DomainException.class, () -> job.leaseTo(alice, T0.plusSeconds(62), TTL));
    }

    @Test
    void onlyTheHolderRenewsAndOnlyBeforeExpiry() {
        job.leaseTo(alice, T0, TTL);
        assertFalse(job.renewLease(bob, T0.plusSeconds(10), TTL));
        assertTrue(job.renewLease(alice, T0.plusSeconds(10), TTL));
        assertEquals(T0.plusSeconds(40), job.leaseExpiresAt());
        assertFalse(job.renewLease(alice, T0.plusSeconds(40), TTL));
    }

    @Test
    void resultsAreTakenOnceByJobIdAndOnlyFromTheHolder() {
        job.leaseTo(alice, T0, TTL);
        DomainException stranger = assertThrows(DomainException.class, () -> job.submit(bob, "ab", null, T0));
        assertEquals(409, stranger.status());
        assertEquals(SubmitOutcome.ACCEPTED, job.submit(alice, "ab", null, T0));
        assertEquals(SubmitOutcome.DUPLICATE, job.submit(alice, "ab", null, T0.plusSeconds(1)));
        assertThrows(DomainException.class, () -> job.submit(alice, "cd", null, T0));
        assertFalse(job.leaseExpired(T0.plusSeconds(3600)), "a submitted job is not reaped");
    }

    @Test
    void settlesExactlyOnce() {
        job.leaseTo(alice, T0, TTL);
        assertThrows(DomainException.class, () -> job.settle(T0));
        job.submit(alice, "ab", "{}", T0);
        assertTrue(job.settle(T0));
        assertFalse(job.settle(T0));
        assertEquals(JobStatus.SETTLED, job.status());
        assertThrows(DomainException.class, () -> job.reject("late", T0));
    }

    @Test
    void aRejectedResultSendsTheJobBackToTheQueueUntilItsLastAttempt() {
        UUID cheater = UUID.randomUUID();
        for (int attempt = 1; attempt <= 3; attempt++) {
            job.leaseTo(cheater, T0, TTL);
            job.submit(cheater, "bad" + attempt, null, T0);
            job.reject("row 3 does not match", T0);
            JobStatus after = job.retryAfterRejection(3, T0);
            assertEquals(attempt < 3 ? JobStatus.QUEUED : JobStatus.DEAD, after);
            assertEquals(null, job.workerId());
            assertEquals(null, job.resultHash());
        }
        assertTrue(job.failure().startsWith("rejected on its last attempt (3)"), job.failure());
        assertEquals(JobStatus.DEAD, job.retryAfterRejection(3, T0), "a dead job stays dead");
    }

    @Test
    void aCancelledJobRefusesALateResult() {
        job.leaseTo(alice, T0, TTL);
        assertTrue(job.cancel(T0));
        assertThrows(DomainException.class, () -> job.submit(alice, "ab", null, T0));
    }

    @Test
    void aReturnedLeaseKeepsItsAttemptCount() {
        job.leaseTo(alice, T0, TTL);
        assertFalse(job.returnLease(bob));
        assertTrue(job.returnLease(alice));
        assertEquals(JobStatus.QUEUED, job.status());
        assertEquals(1, job.attempts());
    }

    @Test
    void aSyntheticOrEmbeddingJobIsChargedItsWholeReward() {
        assertEquals(Amount.cpc(1), job.charge());
        Job embedding = new Job(UUID.randomUUID(), UUID.randomUUID(), 0, "inference", "{}",
                InferencePrice.fixed(Amount.ofWei(64)), "all-minilm-l6-v2", T0);
        assertEquals(Amount.ofWei(64), embedding.charge());
        assertEquals("all-minilm-l6-v2", embedding.modelId());
    }

    @Test
    void aTextJobIsChargedItsInputPartAndTheTokensItGenerated() {
        // share 91 = input 21 + 10 tokens at 7000 wei per 1,000
        Job text = new Job(UUID.randomUUID(), UUID.randomUUID(), 0, "inference", "{}",
                new InferencePrice(Amount.ofWei(91), Amount.ofWei(21), Amount.ofWei(7000)), "tiny-llm", T0);
        UUID worker = UUID.randomUUID();
        text.leaseTo(worker, T0, Duration.ofSeconds(30));
        text.submit(worker, "ab", null, "cd".repeat(32), 3, T0);
        assertEquals(Amount.ofWei(42), text.charge(), "21 + ceil(3 × 7000 / 1000)");
        assertEquals("cd".repeat(32), text.outputHash());
        text.reject("bad", T0);
        text.retryAfterRejection(3, T0);
        assertEquals(null, text.outputHash(), "a retried job forgets the refused output");
        assertEquals(Amount.ofWei(21), text.charge(), "no tokens yet: the input part");
    }
}
