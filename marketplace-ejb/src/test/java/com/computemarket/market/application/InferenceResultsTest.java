package com.computemarket.market.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.market.domain.InferencePrice;
import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobOutputCheck;
import com.computemarket.market.domain.OutputStore;
import com.computemarket.market.domain.SubmitOutcome;
import com.computemarket.market.domain.Task;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.JobId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Results of inference jobs: the output checked against the job, stored by hash, read back by JobOutputs and TaskResults. */
class InferenceResultsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Caller ALICE = new Caller("sub-alice", "alice", Set.of(Caller.CUSTOMER), Optional.of("acme"));
    final DispatchFakes f = new DispatchFakes();
    final Map<String, String> stored = new HashMap<>();
    final OutputStore store = new OutputStore() {
        @Override
        public String put(String canonicalJson) {
            String hash = TaskResults.sha256(canonicalJson);
            stored.putIfAbsent(hash, canonicalJson);
            return hash;
        }

        @Override
        public Optional<String> get(String sha256) {
            return Optional.ofNullable(stored.get(sha256));
        }
    };
    final JobOutputs outputs = new JobOutputs(f.jobs, store);
    final UUID taskId = UUID.randomUUID();
    final UUID worker = UUID.randomUUID();

    InferenceResultsTest() {
        f.dispatch.outputs = store;
    }

    static String vector(float first) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * JobOutputCheck.EMBEDDING_DIMENSION).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putFloat(first);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Job leasedJob(String payload, InferencePrice price, int index) {
        Job job = new Job(UUID.randomUUID(), taskId, index, "inference", payload, price, "minilm", f.clock.instant());
        f.jobs.add(job);
        job.leaseTo(worker, f.clock.instant(), Duration.ofSeconds(30));
        return job;
    }

    Job embeddingJob(int index, int firstItem, String... inputs) {
        ObjectNode p = JSON.createObjectNode().put("model_id", "minilm");
        for (String input : inputs) {
            p.withArray("inputs").add(input);
        }
        p.put("first_item", firstItem);
        return leasedJob(p.toString(), InferencePrice.fixed(Amount.ofWei(inputs.length)), index);
    }

    @Test
    void aMalformedOutputIsRefusedAndTheResultNotTaken() {
        Job job = embeddingJob(0, 0, "a", "b");
        List<String> bad = List.of(
                "{\"kind\":\"text\",\"text\":\"x\",\"tokens\":[],\"logprobs\":[],\"finish_reason\":\"eos\"}",
                "{\"kind\":\"embedding\",\"vectors\":[\"" + vector(1) + "\"],\"truncated\":[]}",
                "{\"kind\":\"embedding\",\"vectors\":[\"" + vector(1) + "\",\"AAAA\"],\"truncated\":[]}",
                "{\"kind\":\"embedding\",\"vectors\":[\"" + vector(1) + "\",\"not base64!\"],\"truncated\":[]}",
                "{\"kind\":\"embedding\",\"vectors\":[\"" + vector(1) + "\",\"" + vector(2) + "\"],\"truncated\":[2]}",
                "{\"kind\":\"embedding\",\"vectors\":[\"" + vector(1) + "\",\"" + vector(Float.NaN) + "\"],\"truncated\":[]}",
                "{\"kind\":\"embedding\",\"vectors\":[\"" + vector(1) + "\",\"" + vector(2) + "\"],\"extra\":1}");
        for (String output : bad) {
            DomainException e = assertThrows(DomainException.class,
                    () -> f.dispatch.takeResult(worker, job.id(), "ab", null, json(output)), output);
            assertEquals("invalid-output", e.type());
        }
        DomainException missing = assertThrows(DomainException.class, () -> f.dispatch.takeResult(worker, job.id(), "ab", null));
        assertEquals("invalid-output", missing.type());
        assertEquals("LEASED", job.status().name());
        assertTrue(stored.isEmpty());
    }

    @Test
    void aFittingOutputIsStoredByItsHashAndReadBackByJobOutputs() {
        Job job = embeddingJob(0, 0, "a", "b");
        JsonNode output = json("{\"truncated\":[1],\"vectors\":[\"" + vector(1) + "\",\"" + vector(2) + "\"],\"kind\":\"embedding\"}");
        assertEquals(SubmitOutcome.ACCEPTED, f.dispatch.takeResult(worker, job.id(), "ab", null, output));
        assertEquals(SubmitOutcome.DUPLICATE, f.dispatch.takeResult(worker, job.id(), "ab", null, output));
        assertEquals(1, stored.size());
        String canonical = stored.values().iterator().next();
        assertTrue(canonical.startsWith("{\"kind\":\"embedding\",\"truncated\":[1],\"vectors\":["), canonical);
        assertEquals(TaskResults.sha256(canonical), job.outputHash());

        JobOutput read = outputs.of(JobId.of(job.id())).orElseThrow();
        assertEquals("minilm", read.modelId());
        assertEquals("ab", read.resultHash());
        assertEquals(0, read.payload().get("first_item").asInt());
        assertEquals(2, read.output().get("vectors").size());
        assertEquals(Optional.empty(), outputs.of(JobId.of(UUID.randomUUID())));
    }

    @Test
    void aTextOutputIsBoundByMaxTokensAndCountsItsGeneratedTokens() {
        Job job = leasedJob("{\"model_id\":\"minilm\",\"prompt\":\"Hi\",\"max_tokens\":3}",
                new InferencePrice(Amount.ofWei(25), Amount.ofWei(4), Amount.ofWei(7000)), 0);
        assertEquals("invalid-output", assertThrows(DomainException.class, () -> f.dispatch.takeResult(worker, job.id(), "ab", null,
                json("{\"kind\":\"text\",\"text\":\"x\",\"tokens\":[1,2,3,4],\"logprobs\":[-1,-1,-1,-1],\"finish_reason\":\"length\"}"))).type());
        assertEquals("invalid-output", assertThrows(DomainException.class, () -> f.dispatch.takeResult(worker, job.id(), "ab", null,
                json("{\"kind\":\"text\",\"text\":\"x\",\"tokens\":[1,2],\"logprobs\":[-1,-1],\"finish_reason\":\"length\"}"))).type());
        f.dispatch.takeResult(worker, job.id(), "ab", null,
                json("{\"kind\":\"text\",\"text\":\"Hello\",\"tokens\":[5,6],\"logprobs\":[-0.5,-0.25],\"finish_reason\":\"eos\"}"));
        assertEquals(2, job.generatedTokens());
        assertEquals(Amount.ofWei(4 + 14), job.charge(), "input 4 + 2 tokens × 7000 / 1000");
        job.settle(f.clock.instant());

        ObjectNode result = results(job).of(ALICE, taskId, false, null, null);
        assertEquals("Hello", result.get("text").asText());
        assertEquals(2, result.get("generated_tokens").asInt());
        assertEquals("eos", result.get("finish_reason").asText());
    }

    @Test
    void theResultListsVerifiedItemsAndWhichJobsArePending() {
        Job first = embeddingJob(0, 0, "a", "b");
        Job second = embeddingJob(1, 2, "c");
        TaskResults results = results(first, second);
        Caller alice = ALICE;
        assertEquals("result-not-ready", assertThrows(DomainException.class, () -> results.of(alice, taskId, false, null, null)).type());

        f.dispatch.takeResult(worker, first.id(), "ab", null,
                json("{\"kind\":\"embedding\",\"vectors\":[\"" + vector(1) + "\",\"" + vector(2) + "\"],\"truncated\":[1]}"));
        assertEquals("result-not-ready", assertThrows(DomainException.class, () -> results.of(alice, taskId, false, null, null)).type(),
                "submitted is not verified");
        first.settle(f.clock.instant());

        ObjectNode result = results.of(alice, taskId, false, null, null);
        assertEquals(2, result.get("items").size());
        JsonNode item = result.get("items").get(1);
        assertEquals(1, item.get("index").asInt());
        assertEquals(TaskResults.sha256("b"), item.get("input_sha256").asText());
        assertEquals(2.0, item.get("vector").get(0).asDouble());
        assertEquals(JobOutputCheck.EMBEDDING_DIMENSION, item.get("vector").size());
        assertTrue(item.get("truncated").asBoolean());
        assertEquals(1, result.get("pending").size());
        assertEquals(2, result.get("pending").get(0).get("first_item").asInt());

        ObjectNode base64 = results.of(alice, taskId, true, 1, 1);
        assertEquals(1, base64.get("items").size());
        assertFalse(base64.get("items").get(0).has("vector"));
        assertEquals(vector(2), base64.get("items").get(0).get("vector_base64").asText());
        assertTrue(base64.get("next_offset").isNull());
        assertEquals("invalid-limit", assertThrows(DomainException.class, () -> results.of(alice, taskId, true, 0, 513)).type());
    }

    @Test
    void aSyntheticTaskAnswersItsCommitments() {
        Job job = new Job(UUID.randomUUID(), taskId, 0, "synthetic", "{}", Amount.ofWei(1), f.clock.instant());
        ObjectNode result = results(job).of(ALICE, taskId, false, null, null);
        assertEquals("synthetic", result.get("challenge_type").asText());
        assertEquals(job.id().toString(), result.get("jobs").get(0).get("job_id").asText());
        assertNull(result.get("items"));
    }

    TaskResults results(Job... ofTask) {
        List<Job> taskJobs = List.of(ofTask);
        Task task = new Task(taskId, "acme", "alice", ofTask[0].challengeType(), "{}", Amount.ofWei(10), null, ofTask.length,
                null, "d", f.clock.instant());
        TaskQueries queries = new TaskQueries() {
            @Override
            public TaskDetails get(Caller caller, UUID id) {
                return new TaskDetails(task, taskJobs);
            }
        };
        return new TaskResults(queries, outputs);
    }
}
