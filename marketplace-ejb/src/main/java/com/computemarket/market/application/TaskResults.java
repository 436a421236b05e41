package com.computemarket.market.application;

import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobOutputCheck;
import com.computemarket.market.domain.JobStatus;
import com.computemarket.market.domain.Task;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What GET /api/tasks/{id}/result answers, for whoever may read the task (as {@link TaskQueries#visible}):
 * <ul>
 * <li>embedding: {task_id, model_id, status, items: [{index, input_sha256, vector, vector_base64, truncated}], pending:
 * [{job_index, first_item, count, status}], total_items, offset, limit, next_offset}, items of settled (verified) jobs
 * only, in input order, paged ({@value #DEFAULT_ITEMS} by default, at most {@value #MAX_ITEMS}); base64 only: no
 * float arrays;</li>
 * <li>text: {task_id, model_id, status, text, tokens, logprobs, finish_reason, generated_tokens};</li>
 * <li>synthetic: {task_id, challenge_type, status, result_hash?, worker_address?, jobs: [{job_id, index, status,
 * result_hash?}]}: the platform keeps commitments, not synthetic result data.</li>
 * </ul>
 * 404 result-not-ready while no inference job of the task is verified.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TaskResults {

    public static final int DEFAULT_ITEMS = 256;
    public static final int MAX_ITEMS = 512;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Inject TaskQueries queries;
    @Inject JobOutputs outputs;

    public TaskResults() {
    }

    /** Outside the container (unit tests). */
    public TaskResults(TaskQueries queries, JobOutputs outputs) {
        this.queries = queries;
        this.outputs = outputs;
    }

    /**
     * The portal's download: an inference task's verified outputs with every item (base64 vectors only: at most 4,096
     * items of about 2 KiB), or, before any is verified and for synthetic tasks, the commitments.
     */
    public ObjectNode download(Caller caller, UUID taskId) {
        try {
            return of(caller, taskId, true, 0, Integer.MAX_VALUE, Integer.MAX_VALUE);
        } catch (DomainException e) {
            if (!"result-not-ready".equals(e.type())) {
                throw e;
            }
            TaskQueries.TaskDetails details = queries.get(caller, taskId);
            return commitments(details.task(), details.jobs());
        }
    }

    public ObjectNode of(Caller caller, UUID taskId, boolean base64Only, Integer offset, Integer limit) {
        return of(caller, taskId, base64Only, offset, limit, MAX_ITEMS);
    }


    private ObjectNode of(Caller caller, UUID taskId, boolean base64Only, Integer offset, Integer limit, int maxItems) {
        TaskQueries.TaskDetails details = queries.get(caller, taskId);
        Task task = details.task();
        List<Job> jobs = new ArrayList<>(details.jobs());
        jobs.sort((a, b) -> Integer.compare(a.index(), b.index()));
        if (jobs.stream().allMatch(j -> j.modelId() == null)) {
            return commitments(task, jobs);
        }
        List<JobOutput> verified = new ArrayList<>();
        Set<UUID> verifiedIds = new HashSet<>();
        for (Job job : jobs) {
            if (job.status() == JobStatus.SETTLED) {
                outputs.of(job).ifPresent(o -> {
                    verified.add(o);
                    verifiedIds.add(job.id());
                });
            }
        }
        if (verified.isEmpty()) {
            throw DomainException.notFound("result-not-ready", "no result of task " + taskId + " is verified yet");
        }
        ObjectNode out = NODES.objectNode();
        out.put("task_id", task.id().toString());
        out.put("model_id", jobs.get(0).modelId());
        out.put("status", task.status().wire());
        JsonNode first = verified.get(0).output();
        if ("text".equals(first.path("kind").asText())) {
            out.put("text", first.get("text").textValue());
            out.set("tokens", first.get("tokens"));
            out.set("logprobs", first.get("logprobs"));
            out.put("finish_reason", first.get("finish_reason").textValue());
            out.put("generated_tokens", first.get("tokens").size());
            return out;
        }
        return embeddings(out, jobs, verified, verifiedIds, base64Only, offset, limit, maxItems);
    }

    private ObjectNode embeddings(ObjectNode out, List<Job> jobs, List<JobOutput> verified, Set<UUID> verifiedIds,
                                  boolean base64Only, Integer offset, Integer limit, int maxItems) {
        int from = offset == null ? 0 : offset;
        int size = limit == null ? DEFAULT_ITEMS : limit;
        if (from < 0) {
            throw DomainException.invalid("invalid-offset", "offset must be 0 or more");
        }
        if (size < 1 || size > maxItems) {
            throw DomainException.invalid("invalid-limit", "limit must be from 1 to " + maxItems);
        }
        List<ObjectNode> items = new ArrayList<>();
        for (JobOutput o : verified) {
            int firstItem = o.payload().path("first_item").asInt();
            JsonNode inputs = o.payload().get("inputs");
            Set<Integer> truncated = new HashSet<>();
            o.output().path("truncated").forEach(i -> truncated.add(i.asInt()));
            for (int i = 0; i < inputs.size(); i++) {
                ObjectNode item = NODES.objectNode();
                item.put("index", firstItem + i);
                item.put("input_sha256", sha256(inputs.get(i).textValue()));
                String base64 = o.output().get("vectors").get(i).textValue();
                if (!base64Only) {
                    ArrayNode vector = item.putArray("vector");
                    for (float f : JobOutputCheck.decode(base64)) {
                        vector.add(f);
                    }
                }
                item.put("vector_base64", base64);
                item.put("truncated", truncated.contains(i));
                items.add(item);
            }
        }
        ArrayNode page = out.putArray("items");
        items.stream().skip(from).limit(size).forEach(page::add);
        ArrayNode pending = out.putArray("pending");
        for (Job job : jobs) {
            if (!verifiedIds.contains(job.id())) {
                JsonNode payload = JobPayloadJson.read(job.payload());
                pending.addObject().put("job_index", job.index()).put("first_item", payload.path("first_item").asInt())
                        .put("count", payload.path("inputs").size()).put("status", job.status().name().toLowerCase(Locale.ROOT));
            }
        }
        out.put("total_items", items.size());
        out.put("offset", from);
        out.put("limit", size);
        if ((long) from + size < items.size()) {
            out.put("next_offset", from + size);
        } else {
            out.putNull("next_offset");
        }
        return out;
    }

    /** The synthetic (and any non-inference) view: the commitments the platform keeps. */
    static ObjectNode commitments(Task task, List<Job> jobs) {
        ObjectNode out = NODES.objectNode();
        out.put("task_id", task.id().toString());
        out.put("challenge_type", task.challengeType());
        out.put("status", task.status().wire());
        out.put("reward", task.reward().toCpc());
        Optional.ofNullable(task.resultHash()).ifPresent(h -> out.put("result_hash", h));
        Optional.ofNullable(task.resultWorkerAddress()).ifPresent(a -> out.put("worker_address", a));
        ArrayNode list = out.putArray("jobs");
        for (Job job : jobs) {
            ObjectNode j = list.addObject().put("job_id", job.id().toString()).put("index", job.index())
                    .put("status", job.status().name().toLowerCase(Locale.ROOT));
            if (job.resultHash() != null) {
                j.put("result_hash", job.resultHash());
            }
        }
        return out;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
