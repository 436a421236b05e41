package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.billing.application.Ledger;
import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.rpc.ChainClient;
import com.computemarket.settlement.application.PayoutRun;
import com.computemarket.settlement.application.PayoutSteps;
import com.computemarket.settlement.domain.Payout;
import com.computemarket.settlement.domain.PayoutStatus;
import com.computemarket.shared.Amount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
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
 * Payout faults against a server this test starts, kills and restarts itself (Arquillian manual mode, launch
 * {@code wildfly-crash}, its own failsafe execution), with its L1 behind a switch the test controls ({@link L1Switch}):
 * <ol>
 * <li>the L1 node unreachable during a payout run: the payout waits (JMS redelivery with backoff) and is paid exactly
 * once when the node is back;</li>
 * <li>the server JVM halted (Runtime.halt, test hook {@code cm.test.halt-after-sent}) right after a payout was recorded
 * SENT and before it was confirmed, then started again: the payout is confirmed, with its first and only
 * transaction, and the worker's address received exactly one TRANSFER.</li>
 * </ol>
 * In-container steps and client steps hand data over in a properties file beside the server.
 */
@ExtendWith(ArquillianExtension.class)
// only in the it-crash execution (and in the server, which has no arquillian.launch): h2/pg runs skip it
@DisabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly-h2|wildfly-postgresql")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayoutCrashIT {

    private static final String SERVER = "wildfly-crash";
    private static final String APP = "crash-app";
    private static final Amount DOWN_AMOUNT = Amount.parseCpc("amount", "1.5");
    private static final Amount CRASH_AMOUNT = Amount.parseCpc("amount", "3.25");
    private static L1Switch l1;

    @Deployment(name = APP, managed = false)
    @TargetsContainer(SERVER)
    static EnterpriseArchive ear() {
        return Deployments.marketplaceWith(PayoutCrashIT.class, PayoutFixture.class, TestWorkers.class, L1Switch.class, CrashServer.class);
    }

    @ArquillianResource ContainerController controller;
    @ArquillianResource Deployer deployer;

    @Inject PayoutRun payoutRun;
    @Inject PayoutSteps steps;
    @Inject Ledger ledger;
    @Inject TestWorkers directory;

    @Test
    @Order(1)
    @RunAsClient
    void startTheServerBehindAnL1Switch() throws Exception {
        URI devnet = URI.create(System.getProperty("cm.devnet.url"));
        l1 = new L1Switch(devnet.getHost(), devnet.getPort());
        Properties shared = new Properties();
        shared.setProperty("devnet", devnet.toString());
        shared.setProperty("down.address", ChainKey.generate(new SecureRandom()).address());
        shared.setProperty("crash.address", ChainKey.generate(new SecureRandom()).address());
        write(clientFile(), shared);
        startServer();
        deployer.deploy(APP);
    }

    @Test
    @Order(2)
    @RunAsClient
    void theL1GoesDown() throws IOException {
        l1.down();
    }

    @Test
    @Order(3)
    @OperateOnDeployment(APP)
    void aPayoutRunWhileTheL1IsDownCreatesAPayoutThatWaits() throws Exception {
        Properties shared = read(serverFile());
        UUID worker = PayoutFixture.workerWithPayable(directory, ledger, shared.getProperty("down.address"), DOWN_AMOUNT);
        Payout payout = payoutRun.run("crash-it").payouts().stream().filter(p -> p.workerId().equals(worker))
                .findFirst().orElseThrow();
        Thread.sleep(6000); // several delivery attempts, each failing to reach the node

        assertEquals(PayoutStatus.PENDING, steps.load(payout.id()).status());
        shared.setProperty("down.payout", payout.id().toString());
        write(serverFile(), shared);
    }

    @Test
    @Order(4)
    @RunAsClient
    void theL1ComesBack() throws IOException {
        l1.up();
    }

    @Test
    @Order(5)
    @OperateOnDeployment(APP)
    void theDelayedPayoutIsPaidExactlyOnce() throws Exception {
        Properties shared = read(serverFile());
        UUID id = UUID.fromString(shared.getProperty("down.payout"));

        Payout paid = PayoutFixture.awaitStatus(steps, id, PayoutStatus.CONFIRMED, Duration.ofSeconds(150));

        assertEquals(PayoutStatus.CONFIRMED, paid.status());
        assertEquals(1, paid.attempts());
        String address = shared.getProperty("down.address");
        assertEquals(1, PayoutFixture.transfersTo(shared.getProperty("devnet"), address));
        assertEquals(DOWN_AMOUNT.wei(), new ChainClient(URI.create(shared.getProperty("devnet"))).balance(address).balance());
    }

    @Test
    @Order(6)
    @OperateOnDeployment(APP)
    void aWorkerIsOwedAndTheServerWillDieRightAfterSendingItsPayout() {
        Properties shared = read(serverFile());
        String address = shared.getProperty("crash.address");
        UUID worker = PayoutFixture.workerWithPayable(directory, ledger, address, CRASH_AMOUNT);
        shared.setProperty("crash.worker", worker.toString());
        write(serverFile(), shared);
        System.setProperty("cm.test.halt-after-sent", address); // this JVM only: gone after the restart
    }

    @Test
    @Order(7)
    @RunAsClient
    void aPayoutRunSendsThePayoutTheServerDiesAndIsStartedAgain() throws Exception {
        try {
            HttpResponse<String> created = http(HttpRequest.newBuilder(api("/admin/payout-runs"))
                    .header("Authorization", "Bearer " + Tokens.forUser("admin", "admin"))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(201, created.statusCode(), created.body());
        } catch (IOException e) {
            // the halt may beat the answer; the run committed before its payout could be sent
        }
        awaitServerGone(Duration.ofSeconds(90));
        controller.kill(SERVER);
        startServer();
    }

    @Test
    @Order(8)
    @RunAsClient
    void afterTheRestartThePayoutIsConfirmedAndTheWorkerWasPaidExactlyOnce() throws Exception {
        Properties shared = read(clientFile());
        String worker = shared.getProperty("crash.worker");
        String address = shared.getProperty("crash.address");
        String finance = Tokens.forUser("finance", "finance");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
        JsonNode payout = null;
        while (Instant.now().isBefore(deadline)) {
            payout = payoutOf(finance, worker);
            if (payout != null && payout.path("status").asText().equals("CONFIRMED")) {
                break;
            }
            Thread.sleep(500);
        }

        assertTrue(payout != null, "the payout run committed before the server died");
        assertEquals("CONFIRMED", payout.path("status").asText(), payout.toString());
        assertEquals(1, payout.path("attempts").asInt(), "one transaction signed, never a second");
        assertEquals(0, payout.path("replaced_tx_hashes").size());
        assertTrue(payout.hasNonNull("sent_at"), "it had been recorded SENT before the crash");
        assertEquals(CRASH_AMOUNT.toCpc(), payout.path("amount").asText());
        String devnet = shared.getProperty("devnet");
        assertEquals(1, PayoutFixture.transfersTo(devnet, address), "exactly one TRANSFER to the worker on chain");
        assertEquals(CRASH_AMOUNT.wei(), new ChainClient(URI.create(devnet)).balance(address).balance());
        Thread.sleep(2000); // redeliveries, if any, have had their chance
        assertEquals(1, PayoutFixture.transfersTo(devnet, address));
        assertEquals(1, countPayoutsOf(finance, worker), "one payout for the worker");
    }

    @Test
    @Order(9)
    @RunAsClient
    void stopTheServer() throws IOException {
        deployer.undeploy(APP);
        controller.stop(SERVER);
        l1.close();
    }

    private void startServer() {
        CrashServer.start(controller, "http://127.0.0.1:" + l1.port(), "-Dcm.chain.confirmation-timeout=PT30S");
    }

    private static URI api(String path) {
        return CrashServer.api(path);
    }

    private static HttpResponse<String> http(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CrashServer.http(request);
    }

    private static void awaitServerGone(Duration timeout) throws InterruptedException {
        CrashServer.awaitGone(timeout);
    }

    private static Path clientFile() {
        return CrashServer.clientFile("payout-crash-it");
    }

    private static Path serverFile() {
        return CrashServer.serverFile("payout-crash-it");
    }

    private static Properties read(Path file) {
        return CrashServer.read(file);
    }

    private static void write(Path file, Properties p) {
        CrashServer.write(file, p);
    }

    private static JsonNode payoutOf(String token, String worker) throws Exception {
        HttpResponse<String> page;
        try {
            page = http(HttpRequest.newBuilder(api("/payouts?limit=500")).header("Authorization", "Bearer " + token).GET());
        } catch (IOException e) {
            return null; // still booting
        }
        if (page.statusCode() != 200) {
            return null;
        }
        for (JsonNode p : new ObjectMapper().readTree(page.body()).path("payouts")) {
            if (p.path("worker_id").asText().equals(worker)) {
                return p;
            }
        }
        return null;
    }

    private static int countPayoutsOf(String token, String worker) throws Exception {
        HttpResponse<String> page = http(HttpRequest.newBuilder(api("/payouts?limit=500"))
                .header("Authorization", "Bearer " + token).GET());
        int n = 0;
        for (JsonNode p : new ObjectMapper().readTree(page.body()).path("payouts")) {
            if (p.path("worker_id").asText().equals(worker)) {
                n++;
            }
        }
        return n;
    }
}
