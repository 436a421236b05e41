package com.computemarket.market.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.computemarket.market.domain.TaskStatus;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskQueriesTest {

    final InMemoryMarket market = new InMemoryMarket();
    final Caller acme = new Caller("s1", "customer", Set.of(Caller.CUSTOMER), Optional.of("acme"));
    final Caller globex = new Caller("s2", "customer2", Set.of(Caller.CUSTOMER), Optional.of("globex"));
    final Caller finance = new Caller("f", "finance", Set.of(Caller.FINANCE), Optional.empty());
    final Caller worker = new Caller("w", "worker", Set.of(Caller.WORKER), Optional.of("acme"));

    @Test
    void statusesShowOnlyTheTasksTheCallerMaySeeAsVisibleDoes() {
        market.available.put("acme", Amount.cpc(10));
        market.available.put("globex", Amount.cpc(10));
        UUID ours = market.submission().submit(acme, TaskSubmissionTest.BODY, null).task().id();
        UUID theirs = market.submission().submit(globex, TaskSubmissionTest.BODY, null).task().id();
        UUID unknown = UUID.randomUUID();
        TaskQueries queries = new TaskQueries();
        queries.tasks = market.taskRepository;
        List<UUID> asked = List.of(ours, theirs, unknown);

        assertEquals(Map.of(ours, TaskStatus.PENDING), queries.statuses(acme, asked));
        assertEquals(Map.of(theirs, TaskStatus.PENDING), queries.statuses(globex, asked));
        assertEquals(Map.of(ours, TaskStatus.PENDING, theirs, TaskStatus.PENDING), queries.statuses(finance, asked));
        assertEquals(Map.of(), queries.statuses(worker, asked), "a worker is no customer, whatever its organization");
    }
}
