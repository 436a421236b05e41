package com.computemarket.market.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.market.application.JobDispatch;
import com.computemarket.market.application.JobPush;
import com.computemarket.market.domain.SubmitOutcome;
import com.computemarket.shared.DomainException;
import com.computemarket.workers.application.WorkerDirectory;
import com.computemarket.workers.application.WorkerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkerConversationTest {

    private static final UUID WORKER = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final String ADDRESS = "cpc1worker";

    private final WorkerHub hub = new WorkerHub();
    private final RecordingLink link = new RecordingLink();
    private final FakeDispatch dispatch = new FakeDispatch();
    private final FakeVerification verification = new FakeVerification();
    private final WorkerConversation conversation = new WorkerConversation("sub-1", link, hub, dispatch, new FakeDirectory(),
            verification, Duration.ofSeconds(30));

    /** Records what the conversation hands to the verifier; refuses openings of jobs it does not know. */
    static final class FakeVerification extends com.computemarket.verification.application.ResultVerification {
        final java.util.List<Object> received = new java.util.ArrayList<>();
        final java.util.List<com.computemarket.workerprotocol.WireMessage> pending = new java.util.ArrayList<>();

        @Override
        public void receiveOpening(UUID workerId, com.computemarket.workerprotocol.WireMessage.RowOpening frame) {
            if (!frame.jobId().equals(WORKER)) {
                throw DomainException.conflict("no-open-challenge", "job " + frame.jobId() + " has no challenge to answer");
            }
            received.add(frame);
        }

        @Override
        public void receiveSignature(UUID workerId, com.computemarket.workerprotocol.WireMessage.SignedResult frame) {
            received.add(frame);
        }

        @Override
        public java.util.List<com.computemarket.workerprotocol.WireMessage> pendingFor(UUID workerId) {
            return pending;
        }
    }

    @Test
    void openingsAndSignedResultsGoToTheVerifierAndItsRefusalsAreAnswered() {
        hello();
        conversation.onText("{\"type\":\"opening\",\"job_id\":\"" + WORKER + "\",\"leaf_index\":3,\"values\":\"AAAAAA==\",\"path\":[]}");
        conversation.onText("{\"type\":\"signed_result\",\"job_id\":\"" + WORKER + "\",\"transaction\":\"{}\"}");
        assertEquals(2, verification.received.size());
        conversation.onText("{\"type\":\"opening\",\"job_id\":\"" + UUID.randomUUID() + "\",\"leaf_index\":3,\"values\":\"AAAAAA==\",\"path\":[]}");
        assertTrue(link.last().contains("\"code\":\"no-open-challenge\""), link.last());
        assertNull(link.closedBecause);
    }

    @Test
    void aReconnectingWorkerIsSentTheChallengesItMissed() {
        verification.pending.add(new com.computemarket.workerprotocol.WireMessage.ChallengeRows(WORKER, "synthetic",
                java.util.List.of(1, 2), "ab".repeat(32), "2026-11-25T00:00:00Z"));
        hello();
        assertTrue(link.last().contains("\"type\":\"challenge\""), link.last());
    }

    static final class FakeDirectory extends WorkerDirectory {
        @Override
        public WorkerProfile requireConnectable(String operatorSubject, String address) {
            if (!ADDRESS.equals(address)) {
                throw DomainException.forbidden("not-your-worker", address + " is not enrolled by " + operatorSubject);
            }
            return new WorkerProfile(WORKER, operatorSubject, address, Set.of("synthetic", "inference"), "ACTIVE", 500);
        }
    }

    static final class FakeDispatch extends JobDispatch {
        final List<String> calls = new ArrayList<>();
        List<JobPush> leased = List.of();
        SubmitOutcome outcome = SubmitOutcome.ACCEPTED;

        @Override
        public List<JobPush> connected(UUID workerId) {
            calls.add("connected " + workerId);
            return leased;
        }

        @Override
        public List<UUID> heartbeat(UUID workerId) {
            calls.add("heartbeat " + workerId);
            return List.of();
        }

        @Override
        public SubmitOutcome takeResult(UUID workerId, UUID jobId, String resultHash, String proofJson) {
            calls.add("result " + jobId + " " + resultHash + " " + proofJson);
            return outcome;
        }

        @Override
        public boolean returnJob(UUID workerId, UUID jobId) {
            calls.add("return " + jobId);
            return false;
        }
    }

    private void hello() {
        conversation.onText("{\"type\":\"hello\",\"worker_address\":\"" + ADDRESS + "\",\"capacity\":2,\"challenge_types\":[\"synthetic\",\"rendering\"]}");
    }

    @Test
    void theModelsOfAHelloCountForInferenceOnly() {
        conversation.onText("{\"type\":\"hello\",\"worker_address\":\"" + ADDRESS
                + "\",\"capacity\":1,\"challenge_types\":[\"inference\"],\"models\":[\"all-minilm-l6-v2\"]}");
        assertTrue(link.last().contains("\"type\":\"welcome\""), link.last());
        assertEquals(java.util.Optional.empty(), hub.reserve("inference", "tiny-llm"));
        assertEquals(java.util.Optional.of(WORKER), hub.reserve("inference", "all-minilm-l6-v2"));
    }

    @Test
    void aHelloWithoutInferenceHoldsNoModel() {
        conversation.onText("{\"type\":\"hello\",\"worker_address\":\"" + ADDRESS
                + "\",\"capacity\":1,\"challenge_types\":[\"synthetic\"],\"models\":[\"all-minilm-l6-v2\"]}");
        assertEquals(java.util.Optional.empty(), hub.reserve("inference", "all-minilm-l6-v2"));
    }

    @Test
    void helloIsWelcomedAndMakesTheWorkerReachableForItsEnrolledTypes() {
        hello();

        assertEquals("{\"type\":\"welcome\",\"worker_id\":\"" + WORKER + "\",\"lease_ttl_ms\":30000,\"heartbeat_interval_ms\":10000}", link.last());
        assertEquals(Map.of("synthetic", 2), hub.freeSlots(), "rendering is not enrolled");
        assertEquals(List.of("connected " + WORKER), dispatch.calls);
    }

    @Test
    void aReconnectGetsItsLeasedJobsAfterTheWelcome() {
        JobPush held = new JobPush(UUID.randomUUID(), UUID.randomUUID(), "synthetic", "{}", Instant.parse("2025-01-01T00:00:00Z"));
        dispatch.leased = List.of(held);

        hello();

        assertEquals(2, link.sent.size());
        assertTrue(link.sent.get(0).startsWith("{\"type\":\"welcome\""));
        assertTrue(link.sent.get(1).contains("\"job_id\":\"" + held.jobId() + "\""));
    }

    @Test
    void anythingBeforeHelloIsRefusedAndTheSessionStaysOpen() {
        conversation.onText("{\"type\":\"heartbeat\"}");

        assertTrue(link.last().contains("\"code\":\"hello-required\""), link.last());
        assertNull(link.closedBecause);
        hello();
        assertTrue(link.last().contains("welcome"));
    }

    @Test
    void aWorkerThatMayNotConnectIsToldWhyAndDisconnected() {
        conversation.onText("{\"type\":\"hello\",\"worker_address\":\"cpc1someoneelse\",\"capacity\":1,\"challenge_types\":[\"synthetic\"]}");

        assertTrue(link.last().contains("\"code\":\"not-your-worker\""), link.last());
        assertNotNull(link.closedBecause);
        assertEquals(0, hub.connectedWorkers());
    }

    @Test
    void malformedAndUnknownMessagesGetAnErrorAndTheSessionStaysOpen() {
        hello();
        conversation.onText("{nope");
        assertTrue(link.last().contains("\"code\":\"malformed-message\""), link.last());
        conversation.onText("{\"type\":\"steal_jobs\"}");
        assertTrue(link.last().contains("\"code\":\"unknown-message-type\""), link.last());
        conversation.onText("{\"type\":\"welcome\",\"worker_id\":\"" + WORKER + "\",\"lease_ttl_ms\":1,\"heartbeat_interval_ms\":1}");
        assertTrue(link.last().contains("\"code\":\"unexpected-message-type\""), link.last());
        conversation.onText("x".repeat(300 * 1024));
        assertTrue(link.last().contains("\"code\":\"message-too-large\""), link.last());

        assertNull(link.closedBecause);
    }

    @Test
    void aResultIsAcknowledgedWithItsOutcome() {
        hello();
        UUID job = UUID.randomUUID();
        String result = "{\"type\":\"job_result\",\"job_id\":\"" + job + "\",\"worker_address\":\"" + ADDRESS
                + "\",\"result_hash\":\"abcd\",\"proof\":{\"root\":\"ff\"}}";

        conversation.onText(result);
        assertEquals("{\"type\":\"result_ack\",\"job_id\":\"" + job + "\",\"outcome\":\"accepted\"}", link.last());
        dispatch.outcome = SubmitOutcome.DUPLICATE;
        conversation.onText(result);
        assertEquals("{\"type\":\"result_ack\",\"job_id\":\"" + job + "\",\"outcome\":\"duplicate\"}", link.last());

        assertTrue(dispatch.calls.contains("result " + job + " abcd {\"root\":\"ff\"}"), dispatch.calls.toString());
    }

    @Test
    void aResultForAnotherAddressIsRefused() {
        hello();

        conversation.onText("{\"type\":\"job_result\",\"job_id\":\"" + UUID.randomUUID()
                + "\",\"worker_address\":\"cpc1other\",\"result_hash\":\"abcd\"}");

        assertTrue(link.last().contains("\"code\":\"wrong-worker-address\""), link.last());
        assertEquals(1, dispatch.calls.size(), "only the hello reached dispatch");
    }

    @Test
    void aDisconnectUnplugsTheWorker() {
        hello();

        conversation.closed();

        assertEquals(0, hub.connectedWorkers());
    }
}
