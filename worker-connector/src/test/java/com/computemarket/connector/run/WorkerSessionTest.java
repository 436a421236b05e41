package com.computemarket.connector.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.connector.cli.CliException;
import com.computemarket.connector.cli.ExitCodes;
import com.computemarket.connector.backend.Backends;
import com.computemarket.connector.backend.JobOutcome;
import com.computemarket.connector.backend.JobRunner;
import com.computemarket.connector.backend.ProgressListener;
import com.computemarket.connector.backend.UnavailableBackend;
import com.computemarket.workerprotocol.WireMessage;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The run loop against an in-memory /worker endpoint. */
class WorkerSessionTest {

    static final String ADDRESS = "cpc1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq";
    static final UUID WORKER = UUID.fromString("00000000-0000-4000-8000-00000000000a");

    final FakeTransport transport = new FakeTransport();
    final StringWriter log = new StringWriter();
    final AtomicInteger tokenRejections = new AtomicInteger();
    WorkerSession session;
    CompletableFuture<Void> running;

    @AfterEach
    void stop() throws Exception {
        if (session != null) {
            session.shutdown(Duration.ofMillis(100));
            running.handle((r, e) -> null).get(10, TimeUnit.SECONDS);
        }
    }

    private void start(JobRunner runner, int capacity, boolean waitForServer) {
        session = new WorkerSession(new WorkerSession.Settings(URI.create("ws://test/worker"), ADDRESS, capacity, List.of("synthetic"),
                waitForServer, Duration.ofMinutes(10), Duration.ofSeconds(5)),
                transport, () -> "token-" + tokenRejections.get(), tokenRejections::incrementAndGet,
                new Backends(Map.of("synthetic", runner)), new Terminal(new PrintWriter(log, true), Clock.systemUTC(), true),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0.5));
        running = CompletableFuture.runAsync(session::run);
    }

    private FakeTransport.Link welcomed(long heartbeatMs) throws InterruptedException {
        FakeTransport.Link link = transport.nextLink();
        WireMessage.Hello hello = link.expect(WireMessage.Hello.class);
        assertEquals(ADDRESS, hello.workerAddress());
        assertEquals(List.of("synthetic"), hello.challengeTypes());
        link.push(new WireMessage.Welcome(WORKER, 30_000, heartbeatMs));
        return link;
    }

    private static WireMessage.JobAssignment job() {
        var payload = JsonNodeFactory.instance.objectNode().put("seed", "ab").put("matrix_size", 4).put("iterations", 1);
        return new WireMessage.JobAssignment(UUID.randomUUID(), UUID.randomUUID(), "synthetic", payload, Instant.now().plusSeconds(30));
    }

    @Test
    void helloThenHeartbeatsThenAResultForEachJob() throws Exception {
        start(new Fixed(), 2, false);
        FakeTransport.Link link = welcomed(50);
        link.expect(WireMessage.Heartbeat.class);
        WireMessage.JobAssignment job = job();
        link.push(job);
        WireMessage.JobResult result = link.expect(WireMessage.JobResult.class);
        assertEquals(job.jobId(), result.jobId());
        assertEquals(ADDRESS, result.workerAddress());
        assertEquals("hash-" + job.jobId(), result.resultHash());
        link.push(new WireMessage.ResultAck(job.jobId(), "accepted"));
        waitUntil(() -> session.snapshot().isEmpty());
        String lines = log.toString();
        assertTrue(lines.contains("received") && lines.contains("started") && lines.contains("done in"), lines);
    }

    @Test
    void reconnectsWithBackoffSaysHelloAgainAndResendsAnUnacknowledgedResult() throws Exception {
        start(new Fixed(), 1, false);
        FakeTransport.Link first = welcomed(10_000);
        WireMessage.JobAssignment job = job();
        first.push(job);
        first.expect(WireMessage.JobResult.class);
        first.drop(); // no ack came
        transport.failures.add(new Transport.ConnectFailure(0, "connection refused", null));
        FakeTransport.Link second = welcomed(10_000);
        assertEquals(job.jobId(), second.expect(WireMessage.JobResult.class).jobId());
        second.push(job); // the server pushes the still-leased job again: the result, not a second run
        assertEquals(job.jobId(), second.expect(WireMessage.JobResult.class).jobId());
        second.push(new WireMessage.ResultAck(job.jobId(), "duplicate"));
        waitUntil(() -> session.snapshot().isEmpty());
        assertTrue(log.toString().contains("reconnecting in"), log.toString());
    }

    @Test
    void aRejectedTokenIsRefreshedOnce() throws Exception {
        transport.failures.add(new Transport.ConnectFailure(401, "HTTP 401", null));
        start(new Fixed(), 1, false);
        welcomed(10_000);
        assertEquals(1, tokenRejections.get());
        assertEquals("token-0", transport.bearers.poll());
        assertEquals("token-1", transport.bearers.poll());
    }

    @Test
    void anUnreachableServerAtTheStartIsOneClearError() {
        transport.failures.add(new Transport.ConnectFailure(0, "connection refused", null));
        start(new Fixed(), 1, false);
        Exception e = assertThrows(Exception.class, () -> running.get(10, TimeUnit.SECONDS));
        CliException cli = (CliException) e.getCause();
        assertEquals(ExitCodes.UNREACHABLE, cli.exitCode());
        assertTrue(cli.getMessage().startsWith("cannot connect to ws://test/worker: connection refused"), cli.getMessage());
        session = null;
    }

    @Test
    void waitForServerRetriesAtTheStart() throws Exception {
        transport.failures.add(new Transport.ConnectFailure(0, "connection refused", null));
        transport.failures.add(new Transport.ConnectFailure(503, "HTTP 503", null));
        start(new Fixed(), 1, true);
        welcomed(10_000);
    }

    @Test
    void aRefusedHelloEndsTheRunWithTheServersReason() throws Exception {
        start(new Fixed(), 1, false);
        FakeTransport.Link link = transport.nextLink();
        link.expect(WireMessage.Hello.class);
        link.push(new WireMessage.ErrorMessage("worker-suspended", "worker cpc1… is suspended: 3 failed verifications"));
        Exception e = assertThrows(Exception.class, () -> running.get(10, TimeUnit.SECONDS));
        CliException cli = (CliException) e.getCause();
        assertEquals(ExitCodes.REFUSED, cli.exitCode());
        assertTrue(cli.getMessage().contains("worker-suspended: worker cpc1… is suspended"), cli.getMessage());
        session = null;
    }

    @Test
    void thePlaceholderBackendReturnsTheJob() throws Exception {
        start(UnavailableBackend.notInThisBuild("synthetic"), 1, false);
        FakeTransport.Link link = welcomed(10_000);
        WireMessage.JobAssignment job = job();
        link.push(job);
        assertEquals(job.jobId(), link.expect(WireMessage.ReturnJob.class).jobId());
        waitUntil(() -> log.toString().contains("returned: synthetic backend not available in this build"));
    }

    @Test
    void shutdownFinishesJobsThatEndWithinTheGracePeriod() throws Exception {
        Blocking runner = new Blocking();
        start(runner, 1, false);
        FakeTransport.Link link = welcomed(10_000);
        WireMessage.JobAssignment job = job();
        link.push(job);
        runner.started.await(10, TimeUnit.SECONDS);
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> session.shutdown(Duration.ofSeconds(10)));
        Thread.sleep(100);
        runner.release.countDown();
        assertEquals(job.jobId(), link.expect(WireMessage.JobResult.class).jobId());
        link.push(new WireMessage.ResultAck(job.jobId(), "accepted"));
        stopping.get(10, TimeUnit.SECONDS);
        running.get(10, TimeUnit.SECONDS);
        assertEquals("worker shutting down", link.closedByWorker.get(1, TimeUnit.SECONDS));
        session = null;
    }

    @Test
    void shutdownReturnsRunningAndQueuedJobsAfterTheGracePeriodAndRefusesNewOnes() throws Exception {
        Blocking runner = new Blocking();
        start(runner, 1, false);
        FakeTransport.Link link = welcomed(10_000);
        WireMessage.JobAssignment first = job();
        WireMessage.JobAssignment queued = job();
        link.push(first);
        runner.started.await(10, TimeUnit.SECONDS);
        link.push(queued); // a re-push race: it waits in the executor's queue
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> session.shutdown(Duration.ofMillis(300)));
        Set<UUID> returned = ConcurrentHashMap.newKeySet();
        returned.add(link.expect(WireMessage.ReturnJob.class).jobId());
        WireMessage.JobAssignment late = job();
        link.push(late);
        returned.add(link.expect(WireMessage.ReturnJob.class).jobId());
        returned.add(link.expect(WireMessage.ReturnJob.class).jobId());
        assertEquals(Set.of(first.jobId(), queued.jobId(), late.jobId()), returned);
        stopping.get(10, TimeUnit.SECONDS);
        running.get(10, TimeUnit.SECONDS);
        assertTrue(runner.interrupted.await(5, TimeUnit.SECONDS), "the running job was interrupted");
        assertTrue(log.toString().contains("not finished within the grace period"), log.toString());
        session = null;
    }

    @Test
    void anAcceptedResultIsSignedWithTheGivenNonceAndAForeignResultIsNot() throws Exception {
        com.computemarket.chain.crypto.ChainKey key = com.computemarket.chain.crypto.ChainKey.generate(new java.security.SecureRandom());
        session = new WorkerSession(new WorkerSession.Settings(URI.create("ws://test/worker"), ADDRESS, 1, List.of("synthetic"),
                false, Duration.ofMinutes(10), Duration.ofSeconds(5)),
                transport, () -> "token", () -> { }, new Backends(Map.of("synthetic", new com.computemarket.connector.backend.SyntheticCpuRunner(1))),
                new Terminal(new PrintWriter(log, true), Clock.systemUTC(), true),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0.5), new ResultSigner(key));
        running = CompletableFuture.runAsync(session::run);
        FakeTransport.Link link = welcomed(60_000);
        WireMessage.JobAssignment job = job();
        link.push(job);
        String resultHash = link.expect(WireMessage.JobResult.class).resultHash();
        link.push(new WireMessage.ResultAck(job.jobId(), "accepted"));

        link.push(new WireMessage.SignRequest(job.jobId(), job.jobId().toString(), "ff".repeat(32), "proof", 7, 3, 1000));
        link.push(new WireMessage.SignRequest(job.jobId(), job.jobId().toString(), resultHash, "proof", 7, 3, 1000));
        WireMessage.SignedResult signed = link.expect(WireMessage.SignedResult.class); // only the second one is answered
        com.computemarket.chain.protocol.Transaction tx = com.computemarket.chain.protocol.Transaction.fromJson(signed.transaction());
        assertEquals(com.computemarket.chain.protocol.TxType.SUBMIT_RESULT, tx.txType());
        assertEquals(key.address(), tx.fromAddress());
        assertEquals(java.math.BigInteger.valueOf(3), tx.nonce());
        assertTrue(tx.signatureValid());
        var result = com.computemarket.chain.protocol.ComputeResult.fromPayload(tx.payload());
        assertEquals(resultHash, result.resultHash());
        assertEquals(java.math.BigInteger.valueOf(7), result.nonce());
        assertTrue(result.workerSignatureValid(key.publicKeyCompressed()));
        assertTrue(log.toString().contains("not one this worker committed to; not signed"), log.toString());

        link.push(new WireMessage.JobUpdate(job.jobId(), WireMessage.JobUpdate.SETTLED, "reward credited", tx.hash(), 12L));
        waitUntil(() -> log.toString().contains("settled: reward credited (tx " + tx.hash() + ", block 12)"));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    static final class Fixed implements JobRunner {
        @Override
        public JobOutcome run(WireMessage.JobAssignment job, ProgressListener progress) {
            progress.progress(1.0, "done");
            return new JobOutcome.Completed("hash-" + job.jobId(), null);
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String describe() {
            return "fixed";
        }
    }

    /** Runs until released or interrupted. */
    static final class Blocking implements JobRunner {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);

        @Override
        public JobOutcome run(WireMessage.JobAssignment job, ProgressListener progress) throws InterruptedException {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return new JobOutcome.Completed("hash-" + job.jobId(), null);
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String describe() {
            return "blocking";
        }
    }
}
