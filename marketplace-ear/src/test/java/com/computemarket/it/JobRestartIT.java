package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.billing.application.Ledger;
import com.computemarket.billing.application.LedgerInvariants;
import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.crypto.Hashes;
import com.computemarket.market.application.JobCompletion;
import com.computemarket.market.application.TaskQueries;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.shared.JobId;
import com.computemarket.workerprotocol.WireMessage;
import com.computemarket.workers.application.WorkerDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server killed with jobs in flight (some leased to a worker, one with its result taken) and started again:
 * no job is lost (every one reaches a worker and is submitted), the result taken before the crash is not asked for
 * again, and settling every job — twice — pays the worker exactly once per job and completes every task.
 */
@ExtendWith(ArquillianExtension.class)
@DisabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly-h2|wildfly-postgresql")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobRestartIT {

    private static final String APP = "restart-app";
    private static final String FILE = "job-restart-it";
    private static final int TASKS = 5;
    private static final Duration PUSH = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Caller FINANCE = new Caller("finance", "finance", Set.of(Caller.FINANCE), Optional.empty());

    private static ChainKey key;
    private static String model;
    private static final List<String> tasks = new ArrayList<>();
    private static UUID submittedBeforeCrash;

    @Deployment(name = APP, managed = false)
    @TargetsContainer(CrashServer.NAME)
    static EnterpriseArchive ear() {
        return Deployments.marketplaceWith(JobRestartIT.class, CrashServer.class, TinyModel.class);
    }

    @ArquillianResource ContainerController controller;
    @ArquillianResource Deployer deployer;

    @Inject JobCompletion completion;
    @Inject TaskQueries queries;
    @Inject Ledger ledger;
    @Inject LedgerInvariants invariants;
    @Inject WorkerDirectory workers;

    @Test
    @Order(1)
    @RunAsClient
    void startTheServer() {
        startServer();
        deployer.deploy(APP);
    }

    @Test
    @Order(2)
    @RunAsClient
    void aWorkerHoldsLeasesAndHasReturnedOneResultWhenTheServerIsKilled() throws Exception {
        key = ChainKey.generate(new SecureRandom());
        enrol(key);
        assertEquals(201, call("POST", "/admin/credits", "admin",
                "{\"organization\":\"acme\",\"amount\":\"" + TASKS + ".0\",\"reason\":\"JobRestartIT\"}").statusCode());
        model = TinyModel.register(CrashServer::api, "1.0"); // one input each: 1 CPC a task
        try (WorkerClient worker = WorkerClient.hello(Tokens.forUser("worker", "worker"), key.address(), 3, "inference", List.of(model))) {
            for (int i = 0; i < TASKS; i++) {
                HttpResponse<String> created = call("POST", "/tasks", "customer", TinyModel.task(model, 1, "1.0"));
                assertEquals(201, created.statusCode(), created.body());
                tasks.add(JSON.readTree(created.body()).get("task_id").asText());
            }
            List<WireMessage.JobAssignment> leased = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                leased.add(worker.next(WireMessage.JobAssignment.class, PUSH));
            }
            submittedBeforeCrash = leased.get(0).jobId();
            worker.send(new WireMessage.JobResult(submittedBeforeCrash, key.address(), "aa00", null, TinyModel.output(1)));
            assertEquals(WireMessage.ResultAck.ACCEPTED, worker.next(WireMessage.ResultAck.class, PUSH).outcome());
        }
        Properties handover = new Properties();
        handover.setProperty("tasks", String.join(",", tasks));
        handover.setProperty("address", key.address());
        CrashServer.write(CrashServer.clientFile(FILE), handover);

        CrashServer.killHard(controller);
        startServer();
    }

    @Test
    @Order(3)
    @RunAsClient
    void afterTheRestartEveryJobReachesTheWorkerAndTheTakenResultIsNotAskedForAgain() throws Exception {
        Set<UUID> ours = new HashSet<>();
        tasks.forEach(t -> ours.add(UUID.fromString(t)));
        Set<UUID> submitted = new HashSet<>(Set.of(submittedBeforeCrash));
        Set<UUID> acknowledged = new HashSet<>();
        try (WorkerClient worker = WorkerClient.hello(Tokens.forUser("worker", "worker"), key.address(), 5, "inference", List.of(model))) {
            worker.send(new WireMessage.JobResult(submittedBeforeCrash, key.address(), "aa00", null, TinyModel.output(1)));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            // jobs (leases re-sent on welcome, or queued again by the reaper) and acks arrive in any order; jobs of
            // other tests' tasks (same challenge type, same database) are answered too but not counted
            while (acknowledged.size() < TASKS && Instant.now().isBefore(deadline)) {
                WireMessage message = worker.next(PUSH);
                if (message instanceof WireMessage.JobAssignment job) {
                    assertTrue(!job.jobId().equals(submittedBeforeCrash), "a job whose result was taken is not dispatched again");
                    worker.send(new WireMessage.JobResult(job.jobId(), key.address(), "bb" + job.jobId(), null, TinyModel.output(1)));
                    if (ours.contains(job.taskId())) {
                        submitted.add(job.jobId());
                    }
                } else if (message instanceof WireMessage.ResultAck ack) {
                    if (ack.jobId().equals(submittedBeforeCrash)) {
                        assertEquals(WireMessage.ResultAck.DUPLICATE, ack.outcome(), "taken before the crash, kept through it");
                    }
                    if (submitted.contains(ack.jobId())) {
                        acknowledged.add(ack.jobId());
                    }
                } else {
                    throw new AssertionError("unexpected " + message);
                }
            }
        }
        assertEquals(submitted, acknowledged);
        assertEquals(TASKS, submitted.size(), "every job of every task was done, none lost");
        for (String task : tasks) {
            JsonNode detail = JSON.readTree(call("GET", "/tasks/" + task, "customer", null).body());
            assertEquals(1, detail.get("jobs").size());
            assertEquals("submitted", detail.get("jobs").get(0).get("status").asText(), detail.toString());
        }
    }

    @Test
    @Order(4)
    @OperateOnDeployment(APP)
    void settlingEveryJobTwicePaysTheWorkerOncePerJob() {
        Properties handover = CrashServer.read(CrashServer.serverFile(FILE));
        UUID worker = workers.requireConnectable(TestWorkers.OPERATOR, handover.getProperty("address")).id();
        for (String task : handover.getProperty("tasks").split(",")) {
            var details = queries.get(FINANCE, UUID.fromString(task));
            completion.accepted(JobId.of(details.jobs().get(0).id()));
            completion.accepted(JobId.of(details.jobs().get(0).id()));
            assertEquals("completed", queries.get(FINANCE, UUID.fromString(task)).task().status().wire());
        }
        Amount perJob = Amount.cpc(1).minus(Amount.cpc(1).basisPoints(1000));
        assertEquals(Amount.ofWei(perJob.wei().multiply(java.math.BigInteger.valueOf(TASKS))), ledger.balance(AccountRef.payable(worker)));
        var report = invariants.check();
        assertTrue(report.ok(), report.toString());
    }

    @Test
    @Order(5)
    @RunAsClient
    void stopTheServer() {
        deployer.undeploy(APP);
        controller.stop(CrashServer.NAME);
    }

    private void startServer() {
        CrashServer.start(controller, System.getProperty("cm.devnet.url"), "-Dcm.dispatch.lease-ttl=PT5S");
    }

    /** Enrols the key's address for the demo operator "worker" over the API, as worker-connector will. */
    private static void enrol(ChainKey key) throws Exception {
        JsonNode challenge = JSON.readTree(call("POST", "/workers/enrolment-challenges", "worker",
                "{\"address\":\"" + key.address() + "\"}").body());
        String signature = HexFormat.of().formatHex(key.sign(Hashes.sha256(
                challenge.get("message").asText().getBytes(StandardCharsets.UTF_8))));
        HttpResponse<String> enrolled = call("POST", "/workers", "worker", "{\"address\":\"" + key.address()
                + "\",\"public_key\":\"" + key.publicKeyHex() + "\",\"signature\":\"" + signature + "\",\"nonce\":\""
                + challenge.get("nonce").asText() + "\",\"gpus\":[],\"challenge_types\":[\"inference\"]}");
        assertEquals(201, enrolled.statusCode(), enrolled.body());
    }

    private static HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(CrashServer.api(path))
                .header("Authorization", "Bearer " + Tokens.forUser(user, user));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return CrashServer.http(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

}
