package com.computemarket.connector.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.protocol.ComputeResult;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.connector.backend.Backends;
import com.computemarket.connector.backend.JobOutcome;
import com.computemarket.connector.backend.JobRunner;
import com.computemarket.connector.backend.ProgressListener;
import com.computemarket.workerprotocol.WireMessage;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An inference worker's session: hello names its models, job_result carries the output, sign_result is answered. */
class InferenceSessionTest {

    static final String ADDRESS = "cpc1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq";

    final FakeTransport transport = new FakeTransport();
    final StringWriter log = new StringWriter();
    WorkerSession session;
    CompletableFuture<Void> running;

    @AfterEach
    void stop() throws Exception {
        if (session != null) {
            session.shutdown(Duration.ofMillis(100));
            running.handle((r, e) -> null).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void helloNamesTheModelsAndAnInferenceResultCarriesItsOutputAndIsSigned() throws Exception {
        ChainKey key = ChainKey.generate(new SecureRandom());
        Inference runner = new Inference();
        session = new WorkerSession(new WorkerSession.Settings(URI.create("ws://test/worker"), ADDRESS, 1,
                List.of("synthetic", "inference"), false, Duration.ofMinutes(10), Duration.ofSeconds(5),
                List.of("all-minilm-l6-v2-q", "tiny")),
                transport, () -> "token", () -> { }, new Backends(Map.of("inference", runner)),
                new Terminal(new PrintWriter(log, true), Clock.systemUTC(), true),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), () -> 0.5), new ResultSigner(key));
        running = CompletableFuture.runAsync(session::run);

        FakeTransport.Link link = transport.nextLink();
        WireMessage.Hello hello = link.expect(WireMessage.Hello.class);
        assertEquals(List.of("all-minilm-l6-v2-q", "tiny"), hello.models());
        link.push(new WireMessage.Welcome(UUID.randomUUID(), 30_000, 60_000));

        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("model_id", "tiny").put("prompt", "hi").put("max_tokens", 2);
        WireMessage.JobAssignment job = new WireMessage.JobAssignment(UUID.randomUUID(), UUID.randomUUID(), "inference",
                payload, Instant.now().plusSeconds(30));
        link.push(job);
        WireMessage.JobResult result = link.expect(WireMessage.JobResult.class);
        assertEquals("text", result.output().get("kind").asText());
        assertEquals(runner.hash(job.jobId()), result.resultHash());
        link.push(new WireMessage.ResultAck(job.jobId(), "accepted"));

        link.push(new WireMessage.SignRequest(job.jobId(), job.jobId().toString(), result.resultHash(), "proof", 5, 2, 1000));
        WireMessage.SignedResult signed = link.expect(WireMessage.SignedResult.class);
        Transaction tx = Transaction.fromJson(signed.transaction());
        assertTrue(tx.signatureValid());
        assertEquals(result.resultHash(), ComputeResult.fromPayload(tx.payload()).resultHash());
    }

    /** Commits to a fixed text output. */
    static final class Inference implements JobRunner {
        final Map<UUID, String> committed = new ConcurrentHashMap<>();

        String hash(UUID jobId) {
            return Integer.toHexString(jobId.hashCode()) + "ab".repeat(28);
        }

        @Override
        public JobOutcome run(WireMessage.JobAssignment job, ProgressListener progress) {
            ObjectNode output = JsonNodeFactory.instance.objectNode().put("kind", "text").put("text", "ok");
            output.putArray("tokens").add(5).add(2);
            output.putArray("logprobs").add(-0.5f).add(-0.1f);
            output.put("finish_reason", "eos");
            committed.put(job.jobId(), hash(job.jobId()));
            return new JobOutcome.Completed(hash(job.jobId()), null, output);
        }

        @Override
        public Optional<String> committedResult(UUID jobId) {
            return Optional.ofNullable(committed.get(jobId));
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String describe() {
            return "inference (test)";
        }
    }
}
