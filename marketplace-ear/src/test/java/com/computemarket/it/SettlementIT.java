package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.billing.application.Ledger;
import com.computemarket.billing.application.LedgerInvariants;
import com.computemarket.market.application.JobCompletion;
import com.computemarket.market.application.TaskQueries;
import com.computemarket.market.application.TaskSubmission;
import com.computemarket.market.domain.Task;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.shared.JobId;
import com.computemarket.shared.WorkerId;
import com.computemarket.workerprotocol.WireMessage;
import com.computemarket.workers.application.WorkerDirectory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container: a customer's task is created through TaskSubmission, its jobs go over the queue to a real
 * WebSocket worker, the results come back, and settling them (what verification will call) pays the worker from
 * escrow with the platform's fee in one entry per job, exactly once, and completes the task.
 */
@ExtendWith(ArquillianExtension.class)
class SettlementIT {

    static final Duration PUSH = Duration.ofSeconds(15);
    static final Caller ACME = new Caller("1c0a5b8e-0c1e-4d6a-9a51-000000000001", "customer", Set.of(Caller.CUSTOMER), Optional.of("acme"));

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.marketplaceWith(SettlementIT.class, DispatchTestSupport.class, DispatchTestSupport.JobState.class, TestWorkers.class,
                WorkerClient.class, Tokens.class, TinyModel.class);
    }

    @Inject DispatchTestSupport support;
    @Inject TaskSubmission submission;
    @Inject TaskQueries queries;
    @Inject JobCompletion completion;
    @Inject Ledger ledger;
    @Inject LedgerInvariants invariants;
    @Inject WorkerDirectory workers;

    @AfterEach
    void ledgerInvariantsHold() {
        var report = invariants.check();
        assertTrue(report.ok(), report.toString());
    }

    @Test
    void verifiedJobsPayTheWorkerOnceAndCompleteTheTask() throws Exception {
        support.fund("acme", Amount.cpc(5));
        String address = support.enrolledAddress();
        String token = Tokens.forUser("worker", "worker");
        String model = TinyModel.register("0.01");
        try (WorkerClient worker = WorkerClient.hello(token, address, 4, "inference", List.of(model))) {
            UUID workerId = workers.requireConnectable(DispatchTestSupport.WORKER_OPERATOR, address).id();
            Amount payableBefore = ledger.balance(AccountRef.payable(workerId));
            Amount feesBefore = ledger.balance(AccountRef.platform(AccountType.PLATFORM_FEES));
            Amount availableBefore = ledger.balance(AccountRef.available("acme"));
            // 65 inputs at 0.01 CPC: jobs of 64 and 1 inputs, 0.64 and 0.01 CPC
            Task task = submission.submit(ACME, TinyModel.task(model, 65, null), null).task();
            assertEquals(2, task.jobCount());

            Map<UUID, Integer> jobs = new LinkedHashMap<>();
            for (int i = 0; i < 2; i++) {
                WireMessage.JobAssignment job = worker.next(WireMessage.JobAssignment.class, PUSH);
                jobs.put(job.jobId(), job.payload().get("inputs").size());
            }
            for (var job : jobs.entrySet()) {
                worker.send(new WireMessage.JobResult(job.getKey(), address, "ab" + job.getValue(), null, TinyModel.output(job.getValue())));
                assertEquals(WireMessage.ResultAck.ACCEPTED, worker.next(WireMessage.ResultAck.class, PUSH).outcome());
            }
            List<UUID> ids = new ArrayList<>(jobs.keySet());
            completion.accepted(JobId.of(ids.get(0)));
            completion.accepted(JobId.of(ids.get(0)));
            assertEquals("in_progress", queries.get(ACME, task.id()).task().status().wire());
            completion.accepted(JobId.of(ids.get(1)));

            Amount reward = Amount.parseCpc("reward", "0.65");
            Amount fee = Amount.parseCpc("reward", "0.64").basisPoints(1000).plus(Amount.parseCpc("reward", "0.01").basisPoints(1000));
            assertEquals(payableBefore.plus(reward.minus(fee)), ledger.balance(AccountRef.payable(workerId)), "paid once");
            assertEquals(feesBefore.plus(fee), ledger.balance(AccountRef.platform(AccountType.PLATFORM_FEES)));
            assertEquals(availableBefore.minus(reward), ledger.balance(AccountRef.available("acme")));
            var done = queries.get(ACME, task.id());
            assertEquals("completed", done.task().status().wire());
            assertEquals(2, done.task().jobsSettled());
            done.jobs().forEach(j -> assertEquals("SETTLED", j.status().name()));
        }
    }

    @Test
    void aRejectedResultIsNotPaidAndLowersReputation() throws Exception {
        support.fund("acme", Amount.cpc(1));
        String address = support.enrolledAddress();
        String model = TinyModel.register("0.01");
        try (WorkerClient worker = WorkerClient.hello(Tokens.forUser("worker", "worker"), address, 1, "inference", List.of(model))) {
            UUID workerId = workers.requireConnectable(DispatchTestSupport.WORKER_OPERATOR, address).id();
            int reputation = workers.require(WorkerId.of(workerId)).reputation();
            Task task = submission.submit(ACME, TinyModel.task(model, 1, null), null).task();
            WireMessage.JobAssignment job = worker.next(WireMessage.JobAssignment.class, PUSH);
            worker.send(new WireMessage.JobResult(job.jobId(), address, "bad", null, TinyModel.output(1)));
            worker.next(WireMessage.ResultAck.class, PUSH);

            completion.rejected(JobId.of(job.jobId()), "sampled rows do not match");
            completion.rejected(JobId.of(job.jobId()), "sampled rows do not match");

            assertEquals(Amount.ZERO, ledger.balance(AccountRef.payable(workerId)));
            assertTrue(workers.require(WorkerId.of(workerId)).reputation() < reputation);
            assertEquals("REJECTED", support.job(job.jobId()).status());
            assertEquals("in_progress", queries.get(ACME, task.id()).task().status().wire());
        }
    }

    @Test
    void aTextJobIsChargedForTheTokensItGeneratedAndTheRestGoesBack() throws Exception {
        support.fund("acme", Amount.cpc(5));
        String address = support.enrolledAddress();
        // 1 CPC per 1,000 input tokens, 2 CPC per 1,000 generated tokens
        String model = TinyModel.registerText("1.0", "2.0");
        try (WorkerClient worker = WorkerClient.hello(Tokens.forUser("worker", "worker"), address, 1, "inference", List.of(model))) {
            UUID workerId = workers.requireConnectable(DispatchTestSupport.WORKER_OPERATOR, address).id();
            Amount availableBefore = ledger.balance(AccountRef.available("acme"));
            // prompt "Hello": (5 + 2) tokens at most: 0.007 CPC; 100 tokens at most: 0.2 CPC; held 0.207
            Task task = submission.submit(ACME, "{\"challenge_type\":\"inference\",\"payload\":{\"model_id\":\"" + model
                    + "\",\"prompt\":\"Hello\",\"max_tokens\":100}}", null).task();
            assertEquals(Amount.parseCpc("reward", "0.207"), task.reward());
            assertEquals(availableBefore.minus(task.reward()), ledger.balance(AccountRef.available("acme")));

            WireMessage.JobAssignment job = worker.next(WireMessage.JobAssignment.class, PUSH);
            worker.send(new WireMessage.JobResult(job.jobId(), address, "cd01", null, TinyModel.textOutput(10)));
            assertEquals(WireMessage.ResultAck.ACCEPTED, worker.next(WireMessage.ResultAck.class, PUSH).outcome());
            completion.accepted(JobId.of(job.jobId()));

            // charged 0.007 + 10 × 2 / 1000 = 0.027; the other 0.18 released when the task completed
            Amount charged = Amount.parseCpc("reward", "0.027");
            assertEquals(availableBefore.minus(charged), ledger.balance(AccountRef.available("acme")));
            assertEquals(charged.minus(charged.basisPoints(1000)), ledger.balance(AccountRef.payable(workerId)));
            assertTrue(ledger.entry("escrow-release:" + task.id()).isPresent(), "a release line on the statement");
            assertEquals("completed", queries.get(ACME, task.id()).task().status().wire());
        }
    }
}
