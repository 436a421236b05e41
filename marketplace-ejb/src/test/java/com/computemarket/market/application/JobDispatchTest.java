package com.computemarket.market.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobStatus;
import com.computemarket.market.domain.SubmitOutcome;
import com.computemarket.shared.DomainException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobDispatchTest {

    private final DispatchFakes f = new DispatchFakes();

    @Test
    void anAnnouncementThatArrivesBeforeItsJobIsVisibleIsTriedAgainNotDropped() {
        UUID notYetCommitted = UUID.randomUUID();

        f.dispatch.offer(notYetCommitted, 0);

        assertEquals(1, f.queue.sent.size());
        assertEquals(notYetCommitted, f.queue.sent.get(0).jobId());
        assertEquals(1, f.queue.sent.get(0).round());
        f.queue.sent.clear();
        f.dispatch.offer(notYetCommitted, JobDispatch.NOT_VISIBLE_ROUNDS);
        assertTrue(f.queue.sent.isEmpty(), "given up after the last round");
    }

    @Test
    void aQueuedJobIsLeasedToAFreeWorkerAndPushedOnlyAfterCommit() {
        Job job = f.queuedJob("synthetic");
        UUID worker = f.channels.connect("synthetic", 2);

        OfferOutcome outcome = f.dispatch.offer(job.id(), 0);

        assertEquals(OfferOutcome.LEASED, outcome);
        assertEquals(JobStatus.LEASED, job.status());
        assertEquals(worker, job.workerId());
        assertEquals(f.clock.instant().plusSeconds(30), job.leaseExpiresAt());
        assertEquals(List.of(job.taskId()), f.tasks.leased);
        assertTrue(f.channels.pushed.isEmpty(), "nothing is sent before commit");

        f.transaction.commit();

        JobPush push = f.channels.pushed.getFirst();
        assertEquals(job.id(), push.jobId());
        assertEquals(job.taskId(), push.taskId());
        assertEquals("{\"n\":4}", push.payloadJson());
        assertEquals(job.leaseExpiresAt(), push.leaseExpiresAt());
        assertEquals(List.of(job.id()), f.jobs.locked, "the lease is written under the row lock");
    }

    @Test
    void aLeaseThatRollsBackGivesTheSlotBackAndSendsNothing() {
        Job job = f.queuedJob("synthetic");
        UUID worker = f.channels.connect("synthetic", 1);

        f.dispatch.offer(job.id(), 0);
        f.transaction.rollback();

        assertTrue(f.channels.pushed.isEmpty());
        assertEquals(0, f.channels.used.get(worker));
        assertEquals(List.of("reserve " + worker, "cancel " + worker), f.channels.calls);
    }

    @Test
    void withNoWorkerFreeTheJobIsAnnouncedAgainWithADelayThatGrowsToTheCap() {
        Job job = f.queuedJob("rendering");
        f.channels.connect("synthetic", 4); // wrong type

        assertEquals(OfferOutcome.NO_WORKER, f.dispatch.offer(job.id(), 0));
        f.dispatch.offer(job.id(), 1);
        f.dispatch.offer(job.id(), 3);
        f.dispatch.offer(job.id(), 40);

        List<DispatchFakes.Sent> sent = f.queue.on("JobReady");
        assertEquals(List.of(1, 2, 4, 41), sent.stream().map(DispatchFakes.Sent::round).toList());
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(2)),
                sent.stream().map(DispatchFakes.Sent::delay).toList());
        assertEquals(JobStatus.QUEUED, job.status());
    }

    @Test
    void aFullWorkerIsNotOfferedMore() {
        Job first = f.queuedJob("synthetic");
        Job second = f.queuedJob("synthetic");
        f.channels.connect("synthetic", 1);

        assertEquals(OfferOutcome.LEASED, f.dispatch.offer(first.id(), 0));
        assertEquals(OfferOutcome.NO_WORKER, f.dispatch.offer(second.id(), 0));
    }

    @Test
    void aStaleAnnouncementChangesNothing() {
        Job job = f.queuedJob("synthetic");
        f.leased(job);
        int sentBefore = f.queue.sent.size();

        assertEquals(OfferOutcome.NOT_QUEUED, f.dispatch.offer(job.id(), 0));
        assertEquals(sentBefore, f.queue.sent.size());
        assertEquals(1, job.attempts());
    }

    @Test
    void aResultIsTakenOnceAndAnnouncedForVerificationOnce() {
        Job job = f.queuedJob("synthetic");
        UUID worker = f.leased(job);

        assertEquals(SubmitOutcome.ACCEPTED, f.dispatch.takeResult(worker, job.id(), "abcd", "{\"rows\":[]}"));
        f.transaction.commit();
        assertEquals(SubmitOutcome.DUPLICATE, f.dispatch.takeResult(worker, job.id(), "abcd", "{\"rows\":[]}"));
        f.transaction.commit();

        assertEquals(JobStatus.SUBMITTED, job.status());
        assertEquals("abcd", job.resultHash());
        assertEquals(List.of(job.id()), f.queue.on("ResultSubmitted").stream().map(DispatchFakes.Sent::jobId).toList());
        assertTrue(f.channels.calls.contains("release " + worker + " " + job.id()), f.channels.calls.toString());
    }

    @Test
    void aResultFromAnotherWorkerOrADifferentSecondResultIsRefused() {
        Job job = f.queuedJob("synthetic");
        UUID worker = f.leased(job);

        DomainException stranger = assertThrows(DomainException.class,
                () -> f.dispatch.takeResult(UUID.randomUUID(), job.id(), "abcd", null));
        assertEquals(409, stranger.status());
        f.dispatch.takeResult(worker, job.id(), "abcd", null);
        DomainException changed = assertThrows(DomainException.class, () -> f.dispatch.takeResult(worker, job.id(), "ffff", null));
        assertEquals("result-already-taken", changed.type());
        assertEquals(404, assertThrows(DomainException.class,
                () -> f.dispatch.takeResult(worker, UUID.randomUUID(), "abcd", null)).status());
    }

    @Test
    void aHeartbeatRenewsEveryLeaseTheWorkerHolds() {
        UUID worker = f.channels.connect("synthetic", 2);
        Job a = f.queuedJob("synthetic");
        Job b = f.queuedJob("synthetic");
        f.dispatch.offer(a.id(), 0);
        f.dispatch.offer(b.id(), 0);
        f.transaction.commit();
        f.clock.advance(Duration.ofSeconds(20));

        List<UUID> renewed = f.dispatch.heartbeat(worker);

        assertEquals(2, renewed.size());
        assertEquals(f.clock.instant().plusSeconds(30), a.leaseExpiresAt());
        assertEquals(f.clock.instant().plusSeconds(30), b.leaseExpiresAt());
        assertTrue(f.dispatch.heartbeat(UUID.randomUUID()).isEmpty());
    }

    @Test
    void aReconnectingWorkerGetsItsStillLeasedJobsBack() {
        Job job = f.queuedJob("synthetic");
        UUID worker = f.leased(job);
        f.clock.advance(Duration.ofSeconds(10));

        List<JobPush> again = f.dispatch.connected(worker);

        assertEquals(List.of(job.id()), again.stream().map(JobPush::jobId).toList());
        assertEquals(f.clock.instant().plusSeconds(30), again.get(0).leaseExpiresAt());
    }

    @Test
    void aReconnectAfterTheTtlGetsNothingBack() {
        Job job = f.queuedJob("synthetic");
        UUID worker = f.leased(job);
        f.clock.advance(Duration.ofSeconds(31));

        assertTrue(f.dispatch.connected(worker).isEmpty());
    }

    @Test
    void anExpiredLeaseIsQueuedAgainAndAnnounced() {
        Job job = f.queuedJob("synthetic");
        UUID worker = f.leased(job);
        f.clock.advance(Duration.ofSeconds(30));

        assertEquals(JobStatus.QUEUED, f.dispatch.expireLease(job.id()));
        f.transaction.commit();

        assertEquals(List.of(job.id()), f.queue.on("JobReady").stream().map(DispatchFakes.Sent::jobId).toList());
        assertTrue(f.channels.calls.contains("release " + worker + " " + job.id()));
    }

    @Test
    void aLeaseRenewedMeanwhileIsNotExpired() {
        Job job = f.queuedJob("synthetic");
        f.leased(job);
        f.clock.advance(Duration.ofSeconds(29));

        assertEquals(JobStatus.LEASED, f.dispatch.expireLease(job.id()));
        assertTrue(f.queue.on("JobReady").isEmpty());
    }

    @Test
    void theLastAttemptsExpiryKillsTheJobAndFailsItsTask() {
        Job job = f.queuedJob("synthetic");
        for (int attempt = 1; attempt <= 3; attempt++) {
            f.leased(job);
            f.clock.advance(Duration.ofSeconds(31));
            f.dispatch.expireLease(job.id());
            f.transaction.commit();
        }

        assertEquals(JobStatus.DEAD, job.status());
        assertEquals(2, f.queue.on("JobReady").size(), "queued again after attempts 1 and 2 only");
        assertEquals(1, f.tasks.died.size());
        assertTrue(f.tasks.died.get(0).startsWith(job.taskId() + " " + job.id()), f.tasks.died.toString());
        DispatchFakes.Sent dead = f.queue.on("JobDeadLetter").get(0);
        assertEquals(job.id(), dead.jobId());
        assertTrue(dead.reason().contains("3 times"), dead.reason());
    }

    @Test
    void aReturnedJobIsQueuedAtOnce() {
        Job job = f.queuedJob("synthetic");
        UUID worker = f.leased(job);

        assertTrue(f.dispatch.returnJob(worker, job.id()));
        f.transaction.commit();

        assertEquals(JobStatus.QUEUED, job.status());
        assertEquals(1, f.queue.on("JobReady").size());
        assertFalse(f.dispatch.returnJob(worker, job.id()), "it no longer holds it");
    }

    @Test
    void aPoisonAnnouncementDeadLettersOnlyAQueuedJob() {
        Job queued = f.queuedJob("synthetic");
        Job leased = f.queuedJob("synthetic");
        f.leased(leased);

        assertTrue(f.dispatch.deadLetter(queued.id(), "undeliverable"));
        assertFalse(f.dispatch.deadLetter(leased.id(), "undeliverable"));
        assertFalse(f.dispatch.deadLetter(UUID.randomUUID(), "undeliverable"));

        assertEquals(JobStatus.DEAD, queued.status());
        assertEquals(JobStatus.LEASED, leased.status());
        assertEquals(1, f.tasks.died.size());
        assertEquals(1, f.queue.on("JobDeadLetter").size());
    }
}
