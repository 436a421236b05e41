package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.workerprotocol.WireMessage;
import jakarta.inject.Inject;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container, with real WebSocket clients on /worker and real Keycloak tokens: jobs go from the JobReady queue
 * to connected workers, results are taken once, a crashed worker's lease expires (cm.dispatch.lease-ttl=PT3S in
 * arquillian.xml) and another worker does the job, and a job that keeps timing out dies and fails its task.
 * Each test uses its own challenge type so that jobs of one test never reach another's workers.
 */
@ExtendWith(ArquillianExtension.class)
class DispatchIT {

    private static final Duration PUSH = Duration.ofSeconds(15);
    /** lease TTL (3 s) + a reaper round (1 s) + slack for a loaded machine */
    private static final Duration EXPIRY = Duration.ofSeconds(20);

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.marketplaceWith(DispatchIT.class, DispatchTestSupport.class, DispatchTestSupport.JobState.class,
                WorkerClient.class, Tokens.class);
    }

    @Inject
    DispatchTestSupport support;

    private String token;

    @BeforeEach
    void token() throws Exception {
        token = Tokens.forUser("worker", "worker");
    }

    private String address() {
        return support.enrolledAddress();
    }

    @Test
    void aJobIsPushedToAConnectedWorkerAndItsResultIsTakenExactlyOnce() throws Exception {
        String address = address();
        try (WorkerClient worker = WorkerClient.hello(token, address, 2, "inference")) {
            UUID[] task = support.createTask("inference");

            WireMessage.JobAssignment job = worker.next(WireMessage.JobAssignment.class, PUSH);
            assertEquals(task[1], job.jobId());
            assertEquals(task[0], job.taskId());
            assertEquals("inference", job.challengeType());
            assertEquals(16, job.payload().get("n").asInt());
            assertTrue(job.leaseExpiry().isAfter(Instant.now()), job.leaseExpiresAt());
            assertEquals("LEASED", support.job(job.jobId()).status());
            assertEquals("IN_PROGRESS", support.taskStatus(task[0]));

            WireMessage.JobResult result = new WireMessage.JobResult(job.jobId(), address, "1234abcd5678ef90", null);
            worker.send(result);
            assertEquals(WireMessage.ResultAck.ACCEPTED, worker.next(WireMessage.ResultAck.class, PUSH).outcome());
            worker.send(result);
            assertEquals(WireMessage.ResultAck.DUPLICATE, worker.next(WireMessage.ResultAck.class, PUSH).outcome());

            DispatchTestSupport.JobState state = support.job(job.jobId());
            assertEquals("SUBMITTED", state.status());
            assertEquals("1234abcd5678ef90", state.resultHash());
            assertEquals(1, state.attempts());
        }
    }

    @Test
    void aWorkerThatDisconnectsMidJobLosesTheLeaseAndAnotherWorkerDoesTheJob() throws Exception {
        String firstAddress = address();
        String secondAddress = address();
        UUID jobId;
        try (WorkerClient first = WorkerClient.hello(token, firstAddress, 1, "rendering")) {
            jobId = support.createTask("rendering")[1];
            assertEquals(jobId, first.next(WireMessage.JobAssignment.class, PUSH).jobId());
            first.abort(); // crashes mid-job
        }
        UUID firstWorker = support.job(jobId).workerId();
        try (WorkerClient second = WorkerClient.hello(token, secondAddress, 1, "rendering")) {
            WireMessage.JobAssignment again = second.next(WireMessage.JobAssignment.class, EXPIRY);
            assertEquals(jobId, again.jobId());
            DispatchTestSupport.JobState leased = support.job(jobId);
            assertNotEquals(firstWorker, leased.workerId());
            assertEquals(2, leased.attempts());

            second.send(new WireMessage.JobResult(jobId, secondAddress, "feedbeef", null));
            assertEquals(WireMessage.ResultAck.ACCEPTED, second.next(WireMessage.ResultAck.class, PUSH).outcome());
            assertEquals("SUBMITTED", support.job(jobId).status());
        }
    }

    @Test
    void aWorkerThatReconnectsWithinTheTtlGetsItsJobBack() throws Exception {
        String address = address();
        UUID jobId;
        try (WorkerClient worker = WorkerClient.hello(token, address, 1, "training")) {
            jobId = support.createTask("training")[1];
            assertEquals(jobId, worker.next(WireMessage.JobAssignment.class, PUSH).jobId());
        }
        try (WorkerClient again = WorkerClient.hello(token, address, 1, "training")) {
            assertEquals(jobId, again.next(WireMessage.JobAssignment.class, PUSH).jobId());
            assertEquals(1, support.job(jobId).attempts(), "the same lease, not a new attempt");
            again.send(new WireMessage.JobResult(jobId, address, "00ff", null));
            assertEquals(WireMessage.ResultAck.ACCEPTED, again.next(WireMessage.ResultAck.class, PUSH).outcome());
        }
    }

    @Test
    void aJobWhoseLeasesKeepExpiringDiesAfterMaxAttemptsAndFailsItsTask() throws Exception {
        try (WorkerClient silent = WorkerClient.hello(token, address(), 1, "simulation")) {
            UUID[] task = support.createTask("simulation");
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertEquals(task[1], silent.next(WireMessage.JobAssignment.class, EXPIRY).jobId(), "attempt " + attempt);
            }
            await(() -> "DEAD".equals(support.job(task[1]).status()), EXPIRY);
            assertEquals(3, support.job(task[1]).attempts());
            assertEquals("FAILED", support.taskStatus(task[0]));
            assertNull(silent.nothingWithin(Duration.ofSeconds(5)), "a dead job is not offered again");
        }
    }

    @Test
    void badInputGetsAnErrorAndTheSessionStaysOpen() throws Exception {
        try (WorkerClient worker = WorkerClient.connect(token)) {
            worker.sendText("{\"type\":\"heartbeat\"");
            assertEquals("malformed-message", worker.next(WireMessage.ErrorMessage.class, PUSH).code());
            worker.sendText("{\"type\":\"heartbeat\"}");
            assertEquals("hello-required", worker.next(WireMessage.ErrorMessage.class, PUSH).code());
            worker.sendText("{\"type\":\"launch_missiles\"}");
            assertEquals("unknown-message-type", worker.next(WireMessage.ErrorMessage.class, PUSH).code());
            worker.sendText("{\"type\":\"hello\",\"worker_address\":\"cpc1x\",\"capacity\":-1,\"challenge_types\":[\"synthetic\"]}");
            assertEquals("invalid-message", worker.next(WireMessage.ErrorMessage.class, PUSH).code());

            worker.send(new WireMessage.Hello(address(), 1, java.util.List.of("synthetic")));
            worker.next(WireMessage.Welcome.class, PUSH);
        }
    }

    @Test
    void theHandshakeWithoutATokenIsUnauthorizedAndWithACustomerTokenForbidden() throws Exception {
        assertEquals(401, handshakeStatus(null));
        assertEquals(403, handshakeStatus(Tokens.forUser("customer", "customer")));
    }

    private static int handshakeStatus(String token) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> WorkerClient.open(token, new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS));
        WebSocketHandshakeException refused = (WebSocketHandshakeException) e.getCause();
        return refused.getResponse().statusCode();
    }

    private static void await(Supplier<Boolean> condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
