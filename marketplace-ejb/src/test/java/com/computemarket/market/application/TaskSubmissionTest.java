package com.computemarket.market.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobStatus;
import com.computemarket.market.domain.Task;
import com.computemarket.market.domain.TaskStatus;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.JobId;
import com.computemarket.shared.TaskId;
import com.computemarket.shared.WorkerId;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskSubmissionTest {

    final InMemoryMarket market = new InMemoryMarket();
    final Caller acme = new Caller("s1", "customer", Set.of(Caller.CUSTOMER), Optional.of("acme"));
    static final String BODY = "{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"ab\",\"matrix_size\":64,\"iterations\":25},\"reward\":\"3.0\"}";

    @Test
    void holdsTheRewardAndQueuesEveryJob() {
        market.available.put("acme", Amount.cpc(10));

        var submitted = market.submission().submit(acme, BODY, null);

        assertTrue(submitted.created());
        assertEquals(Amount.cpc(7), market.available.get("acme"));
        assertEquals(3, market.jobs.size());
        assertEquals(market.jobs.keySet().stream().toList(), market.queued);
        assertEquals(Amount.cpc(3), market.jobs.values().stream().map(Job::reward).reduce(Amount.ZERO, Amount::plus));
        assertEquals(TaskStatus.PENDING, submitted.task().status());
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstTaskAndHoldsNothingMore() {
        market.available.put("acme", Amount.cpc(10));
        var first = market.submission().submit(acme, BODY, "k1");

        var again = market.submission().submit(acme, BODY, "k1");

        assertFalse(again.created());
        assertEquals(first.task().id(), again.task().id());
        assertEquals(Amount.cpc(7), market.available.get("acme"));
        assertEquals(1, market.tasks.size());
        DomainException other = assertThrows(DomainException.class,
                () -> market.submission().submit(acme, BODY.replace("3.0", "4.0"), "k1"));
        assertEquals(422, other.status());
    }

    @Test
    void theSameKeyInAnotherOrganizationIsAnotherTask() {
        market.available.put("acme", Amount.cpc(10));
        market.available.put("globex", Amount.cpc(10));
        Caller globex = new Caller("s2", "customer2", Set.of(Caller.CUSTOMER), Optional.of("globex"));

        var a = market.submission().submit(acme, BODY, "k1");
        var b = market.submission().submit(globex, BODY, "k1");

        assertTrue(b.created());
        assertFalse(a.task().id().equals(b.task().id()));
    }

    @Test
    void aCustomerWithoutAnOrganizationIsRefused() {
        Caller lone = new Caller("s3", "lone", Set.of(Caller.CUSTOMER), Optional.empty());
        assertEquals(403, assertThrows(DomainException.class, () -> market.submission().submit(lone, BODY, null)).status());
    }

    @Test
    void whenTheLastJobSettlesTheTaskCompletesAndTheRestIsReleased() {
        market.available.put("acme", Amount.cpc(10));
        Task task = market.submission().submit(acme, BODY, null).task();
        TaskLifecycle lifecycle = market.lifecycle();
        UUID worker = UUID.randomUUID();
        var jobs = market.jobs.values().stream().toList();
        for (Job job : jobs.subList(0, 2)) {
            job.leaseTo(worker, market.now, Duration.ofSeconds(30));
            job.submit(worker, "h" + job.index(), null, market.now);
            job.settle(market.now);
            market.escrow.settleJob(TaskId.of(task.id()), JobId.of(job.id()), WorkerId.of(worker), job.reward());
            lifecycle.jobSettled(task.id(), "h" + job.index(), "cpc1w");
        }
        assertEquals(TaskStatus.PENDING, task.status());

        lifecycle.jobDied(task.id(), jobs.get(2).id(), "lease expired 3 times");

        assertEquals(TaskStatus.FAILED, task.status());
        assertEquals(JobStatus.CANCELLED, jobs.get(2).status());
        assertEquals(Amount.cpc(7).plus(jobs.get(2).reward()), market.available.get("acme"), "the dead job's share came back");
    }

    @Test
    void overdueTasksFailAndReleaseTheirHold() {
        market.available.put("acme", Amount.cpc(10));
        market.submission().submit(acme, BODY, null);
        market.now = market.now.plus(Duration.ofDays(8));

        assertEquals(1, market.lifecycle().expireOverdue(10));

        assertEquals(Amount.cpc(10), market.available.get("acme"));
    }
}
