package com.computemarket.market.application;

import com.computemarket.billing.application.Escrow;
import com.computemarket.catalogue.application.ModelCatalogue;
import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobRepository;
import com.computemarket.market.domain.ModelTerms;
import com.computemarket.market.domain.Task;
import com.computemarket.market.domain.TaskRepository;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.TaskId;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Creates a task: checks the request, holds its reward in escrow, splits it into jobs and announces each job to the
 * dispatcher — all in one (XA) transaction, so a refused or failed request holds nothing and queues nothing.
 */
@Stateless
public class TaskSubmission {

    private static final Logger LOG = Logger.getLogger(TaskSubmission.class.getName());

    @Inject TaskRepository tasks;
    @Inject JobRepository jobs;
    @Inject Escrow escrow;
    @Inject JobQueue queue;
    @Inject MarketSettings settings;
    @Inject Clock clock;
    @Inject ModelCatalogue catalogue;

    /** What POST /tasks answers: the task, and whether this call created it (false: an Idempotency-Key replay). */
    public record Submitted(Task task, boolean created) {
    }

    public Submitted submit(Caller caller, String body, String idempotencyKey) {
        String organization = caller.requireOrganization();
        String key = TaskRequest.checkIdempotencyKey(idempotencyKey);
        Instant now = clock.instant();
        TaskRequest request = parse(body, now);
        if (key != null) {
            Optional<Submitted> replay = replay(organization, key, request.digest());
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        UUID taskId = UUID.randomUUID();
        List<ObjectNode> payloads = request.jobPayloads();
        Task task = new Task(taskId, organization, caller.username(), request.challengeType().wire(),
                request.payload().toString(), request.reward(), request.deadline(), payloads.size(), key,
                request.digest(), now);
        tasks.add(task);
        for (int i = 0; i < payloads.size(); i++) {
            Job job = request.modelId() == null
                    ? new Job(UUID.randomUUID(), taskId, i, task.challengeType(), payloads.get(i).toString(), request.jobRewards().get(i), now)
                    : new Job(UUID.randomUUID(), taskId, i, task.challengeType(), payloads.get(i).toString(),
                            request.jobPrices().get(i), request.modelId(), now);
            jobs.add(job);
            queue.ready(job.id());
        }
        // last: the hold locks the organization's accounts until commit, so the less follows it the better
        // (a refused hold still rolls back the task, its jobs and their messages: one XA transaction)
        escrow.hold(TaskId.of(taskId), organization, request.reward());
        LOG.fine(() -> "task " + taskId + " of " + organization + ": " + payloads.size() + " " + task.challengeType()
                + " jobs, " + request.reward() + " held");
        return new Submitted(task, true);
    }

    /**
     * Checks a request exactly as {@link #submit} would and answers what it would cost, without holding or creating
     * anything (a refused request throws the same problem the API answers).
     */
    public TaskPreview preview(Caller caller, String body) {
        caller.requireOrganization();
        TaskRequest request = parse(body, clock.instant());
        var rewards = request.jobRewards().toArray(Amount[]::new);
        var fee = Amount.ZERO;
        var smallest = rewards[0];
        var largest = rewards[0];
        for (var reward : rewards) {
            fee = fee.plus(escrow.feeOf(reward));
            smallest = reward.compareTo(smallest) < 0 ? reward : smallest;
            largest = reward.compareTo(largest) > 0 ? reward : largest;
        }
        return new TaskPreview(request.challengeType().wire(), rewards.length, request.reward(), smallest, largest, fee,
                request.reward().minus(fee), request.deadline());
    }

    /** The request checked against the models the catalogue offers now (read only for inference tasks). */
    private TaskRequest parse(String body, Instant now) {
        return TaskRequest.parse(body, now, settings.defaultDeadline(), settings.maxDeadline(), this::offeredModels);
    }

    List<ModelTerms> offeredModels() {
        return catalogue.offered().stream().map(m -> new ModelTerms(m.id(), m.kind(), m.contextLength(), m.embeddingDimension(),
                m.pricePerThousandInputTokens(), m.pricePerThousandOutputTokens(), m.pricePerItem())).toList();
    }

    /** The task an earlier request with the same key created, if the body is the same; 422 if it is not. */
    public Optional<Submitted> replay(String organization, String key, String digest) {
        return tasks.byIdempotencyKey(organization, key).map(existing -> {
            if (!existing.requestDigest().equals(digest)) {
                throw DomainException.unprocessable("idempotency-key-reused", "Idempotency-Key \"" + key
                        + "\" was already used for a different request (task " + existing.id() + ")");
            }
            return new Submitted(existing, false);
        });
    }

    /** After a lost race on the unique (organization, key): answers the winner's task. */
    public Optional<Submitted> replay(Caller caller, String body, String idempotencyKey) {
        Instant now = clock.instant();
        TaskRequest request = parse(body, now);
        return replay(caller.requireOrganization(), TaskRequest.checkIdempotencyKey(idempotencyKey), request.digest());
    }
}
