package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.billing.application.Ledger;
import com.computemarket.billing.application.LedgerInvariants;
import com.computemarket.chain.protocol.ComputeResult;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.rpc.ChainClient;
import com.computemarket.chain.rpc.ComputeRootCheck;
import com.computemarket.chain.rpc.Inclusion;
import com.computemarket.chain.settlement.ChainSettlement;
import com.computemarket.challenge.synthetic.CpuBackend;
import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.market.application.TaskCancellation;
import com.computemarket.market.application.TaskQueries;
import com.computemarket.market.application.TaskSubmission;
import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobStatus;
import com.computemarket.market.domain.Task;
import com.computemarket.market.domain.TaskStatus;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.WorkerId;
import com.computemarket.verification.application.VerificationQueries;
import com.computemarket.verification.application.VerificationView;
import com.computemarket.workers.application.WorkerDirectory;
import com.computemarket.workers.application.WorkerProfile;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Synthetic Proof-of-Compute end to end, with real parts: Keycloak, this WildFly (Artemis, the database), the devnet
 * L1 node, and the real worker-connector jar in its own process on the CPU backend. A customer's synthetic task is
 * computed by the worker, challenged after its commitment, verified, signed by the worker, relayed as a SUBMIT_RESULT,
 * found in a block whose compute_root commits it, and only then settled from escrow. A worker that commits to zeros
 * for half of its rows is caught on every job (the predicted rate: 1 − (1/2)^64), is never paid, and is suspended.
 */
@ExtendWith(ArquillianExtension.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ProofOfComputeIT {

    static final Caller ACME = new Caller("1c0a5b8e-0c1e-4d6a-9a51-000000000001", "customer", Set.of(Caller.CUSTOMER), Optional.of("acme"));
    static final Duration SETTLE = Duration.ofSeconds(150);
    static final ObjectMapper JSON = new ObjectMapper();

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.marketplaceWith(ProofOfComputeIT.class, ConnectorProcess.class, DispatchTestSupport.class,
                DispatchTestSupport.JobState.class, TestWorkers.class, Tokens.class);
    }

    @Inject DispatchTestSupport support;
    @Inject TaskSubmission submission;
    @Inject TaskQueries queries;
    @Inject TaskCancellation cancellation;
    @Inject VerificationQueries verifications;
    @Inject WorkerDirectory workers;
    @Inject Ledger ledger;
    @Inject LedgerInvariants invariants;
    @Inject ChainSettlement chain;

    private ConnectorProcess connector;

    @BeforeEach
    void noOtherSyntheticWork() {
        // tasks other tests left open would be taken by this worker too: cancel them (acme's synthetic ones)
        for (int offset = 0; ; offset += TaskQueries.MAX_LIMIT) {
            var page = queries.list(ACME, null, "synthetic", TaskQueries.MAX_LIMIT, offset);
            for (Task t : page.tasks()) {
                if (t.status().isOpen()) {
                    try {
                        cancellation.cancel(ACME, t.id());
                    } catch (DomainException e) {
                        // a result awaiting verification: it is settled or rejected on its own
                    }
                }
            }
            if (offset + TaskQueries.MAX_LIMIT >= page.total()) {
                break;
            }
        }
    }

    @AfterEach
    void stopAndCheckTheLedger() throws Exception {
        if (connector != null) {
            connector.close();
        }
        var report = invariants.check();
        assertTrue(report.ok(), report.toString());
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aSyntheticTaskIsComputedChallengedConfirmedOnTheL1AndPaidFromEscrow() throws Exception {
        connector = new ConnectorProcess(Files.createTempDirectory("cm-honest-worker"), "worker");
        String address = connector.createAndEnrol();
        gas(address);
        support.fund("acme", Amount.cpc(5));
        connector.run();
        awaitLog("run", "connected to");
        WorkerProfile worker = workers.ofOperator(DispatchTestSupport.WORKER_OPERATOR).stream()
                .filter(w -> w.address().equals(address)).findFirst().orElseThrow();
        Amount payableBefore = ledger.balance(AccountRef.payable(worker.id()));

        Task task = submission.submit(ACME, """
                {"challenge_type":"synthetic","payload":{"seed":"c0ffee%s","matrix_size":128,"iterations":20},"reward":"2.0"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8)), null).task();
        assertEquals(2, task.jobCount());
        await(() -> queries.get(ACME, task.id()).task().status() == TaskStatus.COMPLETED, SETTLE,
                () -> "task " + task.id() + " not completed: " + describe(task.id()));

        List<Job> jobs = queries.get(ACME, task.id()).jobs();
        Map<UUID, VerificationView> views = verifications.ofTask(task.id());
        ChainClient node = new ChainClient(URI.create(chain.nodeUrl()));
        for (Job job : jobs) {
            assertEquals(JobStatus.SETTLED, job.status());
            // the worker really computed it: the verifier's own CPU gets the same commitment
            SyntheticJob synthetic = SyntheticJob.fromPayload(JSON.readTree(job.payload()));
            assertEquals(new CpuBackend().compute(synthetic).resultHash(), job.resultHash());
            VerificationView v = views.get(job.id());
            assertNotNull(v, "no verification of job " + job.id());
            assertEquals("settled", v.status());
            assertEquals(64, v.rowsChecked());
            assertEquals(64 * 16, v.entriesChecked());
            assertTrue(v.challengeBlockHeight() > 0 && v.blockHeight() > v.challengeBlockHeight(), v.toString());
            // independently of the server: the block holds the worker's SUBMIT_RESULT and its compute_root commits it
            Inclusion inclusion = new com.computemarket.chain.rpc.InclusionFinder(node)
                    .find(v.txHash(), v.blockHeight(), Duration.ZERO).orElseThrow();
            assertEquals(v.blockHeight(), inclusion.height());
            assertTrue(ComputeRootCheck.check(inclusion).committed());
            Transaction tx = inclusion.tx();
            assertEquals(address, tx.fromAddress());
            ComputeResult result = ComputeResult.fromPayload(tx.payload());
            assertEquals(job.id().toString(), result.taskId());
            assertEquals(job.resultHash(), result.resultHash());
            assertTrue(result.workerSignatureValid(java.util.HexFormat.of().parseHex(tx.pubKey())));
        }
        // escrow → worker: each of the two jobs pays 1.0 − 10 % to this worker, once; the task's hold is settled and closed.
        // (The worker is new, but the database is shared: a job of a task an earlier run left awaiting verification,
        // which the set-up could not cancel, may come back to the queue and be taken and paid too: that one is
        // counted from its own job row, not assumed away.)
        for (Job job : jobs) {
            assertEquals(worker.id(), job.workerId());
        }
        assertEquals(new DispatchTestSupport.HoldState(Amount.cpc(2), Amount.cpc(2), Amount.ZERO, false), support.hold(task.id()));
        Amount paid = ledger.balance(AccountRef.payable(worker.id())).minus(payableBefore);
        assertEquals(support.netSettledTo(worker.id()), paid, "the payable grew by the jobs settled to this worker, no more");
        assertTrue(paid.compareTo(Amount.parseCpc("expected", "1.8")) >= 0, "both jobs paid: " + paid);
        String log = connector.output("run");
        assertTrue(log.contains("challenged: 64 rows opened"), log);
        assertTrue(log.contains(" verified"), log);
        assertTrue(log.contains(" settled"), log);
    }

    @Test
    @org.junit.jupiter.api.Order(2) // last: its rejected jobs go back to the queue and would be taken by the next worker
    void aWorkerThatSkipsHalfItsRowsIsCaughtOnEveryJobNeverPaidAndSuspended() throws Exception {
        connector = new ConnectorProcess(Files.createTempDirectory("cm-cheating-worker"), "worker2");
        String address = connector.createAndEnrol();
        gas(address);
        support.fund("acme", Amount.cpc(5));
        Process cheater = connector.run("--cheat-fraction", "0.5");
        awaitLog("run", "connected to");
        UUID workerId = workers.list(new Caller("it-admin", "admin", Set.of(Caller.ADMIN), Optional.empty()), 500, 0)
                .workers().stream().filter(w -> w.address().equals(address)).findFirst().orElseThrow().id();
        assertEquals(0, ledger.balance(AccountRef.payable(workerId)).wei().signum());

        Task task = submission.submit(ACME, """
                {"challenge_type":"synthetic","payload":{"seed":"bad%s","matrix_size":128,"iterations":50},"reward":"5.0"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8)), null).task();
        assertEquals(5, task.jobCount());
        // three rejections in a row suspend the worker (Reputation); every verdict so far is a rejection
        await(() -> "SUSPENDED".equals(workers.require(WorkerId.of(workerId)).status()), SETTLE,
                () -> "worker not suspended: " + describe(task.id()));

        List<Job> jobs = queries.get(ACME, task.id()).jobs();
        List<VerificationView> verdicts = verifications.historyOfTask(task.id()).stream()
                .filter(v -> v.verdict() != null).toList();
        assertTrue(verdicts.size() >= 3, describe(task.id()));
        for (VerificationView v : verdicts) {
            assertEquals("rejected", v.status(), v.toString()); // caught on every job, as predicted
            assertTrue(v.verdict().contains("expected"), v.verdict()); // by a sampled entry of a zeroed row
            assertEquals(null, v.txHash());
        }
        // a rejected job is not lost: it went back to the queue for another worker (or died after its last attempt)
        assertFalse(jobs.stream().anyMatch(j -> j.status() == JobStatus.REJECTED), describe(task.id()));
        assertFalse(jobs.stream().anyMatch(j -> j.status() == JobStatus.SETTLED));
        assertEquals(0, ledger.balance(AccountRef.payable(workerId)).wei().signum());
        assertEquals(BigInteger.ZERO, chain.accountNonce(address, false)); // it never sent a SUBMIT_RESULT
        assertTrue(connector.output("run").contains(" rejected"), connector.output("run"));
        // suspended, it is disconnected, and its next hello is refused: the connector stops with the server's reason
        assertTrue(cheater.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), connector.output("run"));
        assertEquals(6, cheater.exitValue(), connector.output("run"));
        assertTrue(connector.output("run").contains("worker-suspended"), connector.output("run"));
    }

    /** SUBMIT_RESULT gas from the platform wallet (the devnet faucet here): 80,000 × 1000 per result. */
    private void gas(String address) throws InterruptedException {
        chain.transfer(address, Amount.parseCpc("gas", "0.01").wei());
        await(() -> chain.balance(address).signum() > 0, Duration.ofSeconds(30), () -> "no gas arrived at " + address);
    }

    private void awaitLog(String name, String text) throws InterruptedException {
        await(() -> connector.output(name).contains(text), Duration.ofSeconds(60), () -> connector.output(name));
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

    static void await(Supplier<Boolean> condition, Duration timeout, Supplier<String> why) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(why.get());
            }
            Thread.sleep(250);
        }
    }
}
