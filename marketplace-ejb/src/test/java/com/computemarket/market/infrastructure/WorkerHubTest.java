package com.computemarket.market.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.market.application.JobPush;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkerHubTest {

    private final WorkerHub hub = new WorkerHub();

    private static JobPush job() {
        return new JobPush(UUID.randomUUID(), UUID.randomUUID(), "synthetic", "{\"n\":8}", Instant.parse("2025-03-01T10:00:30Z"));
    }

    @Test
    void aWorkerIsReservedUpToItsCapacityForItsChallengeTypesOnly() {
        UUID worker = UUID.randomUUID();
        hub.attach(worker, Set.of("synthetic"), 2, new RecordingLink(), List.of());

        assertEquals(Optional.empty(), hub.reserve("rendering"));
        assertEquals(Optional.of(worker), hub.reserve("synthetic"));
        assertEquals(Optional.of(worker), hub.reserve("synthetic"));
        assertEquals(Optional.empty(), hub.reserve("synthetic"));

        hub.cancelReservation(worker);
        assertEquals(Optional.of(worker), hub.reserve("synthetic"));
    }

    @Test
    void anInferenceJobIsOfferedOnlyToAWorkerHoldingItsModel() {
        UUID synthetic = UUID.randomUUID();
        UUID minilm = UUID.randomUUID();
        hub.attach(synthetic, Set.of("synthetic"), 5, new RecordingLink(), List.of());
        hub.attach(minilm, Set.of("inference"), Set.of("all-minilm-l6-v2"), 5, new RecordingLink(), List.of());

        assertEquals(Optional.empty(), hub.reserve("inference", "tiny-llm"), "nobody holds tiny-llm");
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.of(minilm), hub.reserve("inference", "all-minilm-l6-v2"));
        }
        assertEquals(Optional.empty(), hub.reserve("inference", "all-minilm-l6-v2"), "its slots are taken");
        assertEquals(Optional.of(synthetic), hub.reserve("synthetic", null), "synthetic is unchanged");
    }

    @Test
    void aModelWithoutTheInferenceTypeIsNoOffer() {
        UUID worker = UUID.randomUUID();
        hub.attach(worker, Set.of("synthetic"), Set.of("all-minilm-l6-v2"), 5, new RecordingLink(), List.of());
        assertEquals(Optional.empty(), hub.reserve("inference", "all-minilm-l6-v2"));
    }

    @Test
    void aPushedJobIsSentAsAJobMessageAndHoldsItsSlotUntilReleased() {
        UUID worker = UUID.randomUUID();
        RecordingLink link = new RecordingLink();
        hub.attach(worker, Set.of("synthetic"), 1, link, List.of());
        JobPush job = job();

        hub.reserve("synthetic");
        hub.push(worker, job);

        assertEquals("{\"type\":\"job\",\"job_id\":\"" + job.jobId() + "\",\"task_id\":\"" + job.taskId()
                + "\",\"challenge_type\":\"synthetic\",\"payload\":{\"n\":8},\"lease_expires_at\":\"2025-03-01T10:00:30Z\"}", link.last());
        assertEquals(Optional.empty(), hub.reserve("synthetic"));
        hub.release(worker, job.jobId());
        assertEquals(Optional.of(worker), hub.reserve("synthetic"));
    }

    @Test
    void reservationsRotateOverTheWorkers() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        hub.attach(a, Set.of("synthetic"), 5, new RecordingLink(), List.of());
        hub.attach(b, Set.of("synthetic"), 5, new RecordingLink(), List.of());

        Set<UUID> chosen = new HashSet<>();
        chosen.add(hub.reserve("synthetic").orElseThrow());
        chosen.add(hub.reserve("synthetic").orElseThrow());

        assertEquals(Set.of(a, b), chosen);
    }

    @Test
    void aDisconnectedWorkerIsNoLongerOfferedAndAPushToItIsDropped() {
        UUID worker = UUID.randomUUID();
        RecordingLink link = new RecordingLink();
        WorkerHub.Connection connection = hub.attach(worker, Set.of("synthetic"), 3, link, List.of());
        hub.reserve("synthetic");

        hub.detach(connection);
        hub.push(worker, job());

        assertEquals(Optional.empty(), hub.reserve("synthetic"));
        assertTrue(link.sent.isEmpty());
        assertEquals(0, hub.connectedWorkers());
    }

    @Test
    void aReconnectGetsItsLeasedJobsAgainAndTheyOccupySlots() {
        UUID worker = UUID.randomUUID();
        WorkerHub.Connection first = hub.attach(worker, Set.of("synthetic"), 2, new RecordingLink(), List.of());
        hub.detach(first);
        RecordingLink link = new RecordingLink();
        JobPush held = job();

        hub.attach(worker, Set.of("synthetic"), 2, link, List.of(held));

        assertEquals(1, link.sent.size());
        assertTrue(link.last().contains(held.jobId().toString()));
        assertEquals(Map.of("synthetic", 1), hub.freeSlots());
    }

    @Test
    void aSecondConnectionOfTheSameWorkerReplacesTheFirst() {
        UUID worker = UUID.randomUUID();
        RecordingLink old = new RecordingLink();
        WorkerHub.Connection first = hub.attach(worker, Set.of("synthetic"), 1, old, List.of());

        hub.attach(worker, Set.of("synthetic", "inference"), 4, new RecordingLink(), List.of());
        hub.detach(first); // the old session's close arrives later and must not unplug the new one

        assertNotNull(old.closedBecause);
        assertEquals(1, hub.connectedWorkers());
        assertEquals(Map.of("synthetic", 4, "inference", 4), hub.freeSlots());
    }

    @Test
    void aHeartbeatFreesSlotsOfJobsTakenAwayButNotOfJobsPushedSince() {
        UUID worker = UUID.randomUUID();
        hub.attach(worker, Set.of("synthetic"), 3, new RecordingLink(), List.of());
        JobPush kept = job();
        JobPush expired = job();
        hub.reserve("synthetic");
        hub.push(worker, kept);
        hub.reserve("synthetic");
        hub.push(worker, expired);
        long heartbeatStarted = System.nanoTime();
        JobPush pushedDuringHeartbeat = job();
        hub.reserve("synthetic");
        hub.push(worker, pushedDuringHeartbeat);

        hub.retain(worker, List.of(kept.jobId()), heartbeatStarted);

        assertEquals(Map.of("synthetic", 1), hub.freeSlots());
    }

    @Test
    void concurrentReservationsNeverExceedCapacity() throws InterruptedException {
        UUID worker = UUID.randomUUID();
        hub.attach(worker, Set.of("synthetic"), 50, new RecordingLink(), List.of());
        java.util.concurrent.atomic.AtomicInteger granted = new java.util.concurrent.atomic.AtomicInteger();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    if (hub.reserve("synthetic").isPresent()) {
                        granted.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertEquals(50, granted.get());
    }
}
