package com.computemarket.market.application;

import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobRepository;
import com.computemarket.market.domain.Task;
import com.computemarket.market.domain.TaskRepository;
import com.computemarket.market.domain.TaskStatus;
import com.computemarket.shared.Caller;
import com.computemarket.shared.ChallengeType;
import com.computemarket.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads tasks the caller may see: a customer its organization's, finance and admin everyone's. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TaskQueries {

    public static final int MAX_LIMIT = 100;

    @Inject TaskRepository tasks;
    @Inject JobRepository jobs;

    public record TaskDetails(Task task, List<Job> jobs) {
    }

    public record TaskPage(List<Task> tasks, long total, int limit, int offset) {
    }

    public TaskDetails get(Caller caller, UUID id) {
        Task task = visible(caller, id);
        return new TaskDetails(task, jobs.ofTask(id));
    }

    /** The task if the caller may see it; 404 otherwise (not 403: we do not confirm other customers' task ids). */
    public Task visible(Caller caller, UUID id) {
        Task task = tasks.find(id).orElse(null);
        if (task == null || !(caller.readsEverything()
                || caller.has(Caller.CUSTOMER) && caller.organization().filter(task.organization()::equals).isPresent())) {
            throw DomainException.notFound("task-not-found", "no task " + id);
        }
        return task;
    }

    /** The status of each of these tasks the caller may see (as {@link #visible}); the others are left out. */
    public Map<UUID, TaskStatus> statuses(Caller caller, Collection<UUID> ids) {
        if (caller.readsEverything()) {
            return tasks.statuses(ids, null);
        }
        if (!caller.has(Caller.CUSTOMER) || caller.organization().isEmpty()) {
            return Map.of();
        }
        return tasks.statuses(ids, caller.organization().get());
    }

    public TaskPage list(Caller caller, String status, String challengeType, Integer limit, Integer offset) {
        int lim = limit == null ? 20 : limit;
        int off = offset == null ? 0 : offset;
        if (lim < 1 || lim > MAX_LIMIT) {
            throw DomainException.invalid("invalid-limit", "limit must be from 1 to " + MAX_LIMIT + "; got " + lim);
        }
        if (off < 0) {
            throw DomainException.invalid("invalid-offset", "offset must not be negative; got " + off);
        }
        TaskStatus s = status == null || status.isEmpty() ? null : TaskStatus.fromWire(status);
        String type = challengeType == null || challengeType.isEmpty() ? null : ChallengeType.fromWire(challengeType).wire();
        String org = caller.readsEverything() ? null : caller.requireOrganization();
        return new TaskPage(tasks.page(org, s, type, lim, off), tasks.count(org, s, type), lim, off);
    }
}
