package com.computemarket.market.api;

import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.Task;
import com.computemarket.market.domain.TaskStatus;
import com.computemarket.verification.application.VerificationView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Task Market API's shapes (ComputeChain docs), snake_case, times as Unix seconds, money as CPC strings. */
final class TaskViews {

    private TaskViews() {
    }

    @JsonbPropertyOrder({"task_id", "status", "created_at"})
    public record Created(@JsonbProperty("task_id") String taskId, String status, @JsonbProperty("created_at") long createdAt) {
        static Created of(Task task) {
            return new Created(task.id().toString(), task.status().wire(), task.createdAt().getEpochSecond());
        }
    }

    @JsonbPropertyOrder({"task_id", "challenge_type", "status", "reward", "created_at"})
    public record Summary(@JsonbProperty("task_id") String taskId, @JsonbProperty("challenge_type") String challengeType,
                          String status, String reward, @JsonbProperty("created_at") long createdAt) {
        static Summary of(Task task) {
            return new Summary(task.id().toString(), task.challengeType(), task.status().wire(), task.reward().toCpc(),
                    task.createdAt().getEpochSecond());
        }
    }

    @JsonbPropertyOrder({"tasks", "total", "limit", "offset"})
    public record Page(List<Summary> tasks, long total, int limit, int offset) {
    }

    @JsonbPropertyOrder({"result_hash", "worker_address", "completed_at"})
    public record Result(@JsonbProperty("result_hash") String resultHash, @JsonbProperty("worker_address") String workerAddress,
                         @JsonbProperty("completed_at") long completedAt) {
    }

    @JsonbPropertyOrder({"job_id", "index", "status", "reward", "attempts", "worker_id", "result_hash", "failure",
            "verification"})
    public record JobView(@JsonbProperty("job_id") String jobId, int index, String status, String reward, int attempts,
                          @JsonbProperty("worker_id") String workerId, @JsonbProperty("result_hash") String resultHash,
                          String failure, Verification verification) {
        static JobView of(Job job, VerificationView verification) {
            return new JobView(job.id().toString(), job.index(), job.status().name().toLowerCase(), job.reward().toCpc(),
                    job.attempts(), job.workerId() == null ? null : job.workerId().toString(), job.resultHash(), job.failure(),
                    verification == null ? null : Verification.of(verification));
        }
    }

    /** The verifier's record of a job's result: challenge, verdict, and the SUBMIT_RESULT that settled it on the L1. */
    @JsonbPropertyOrder({"status", "challenge_block_height", "challenge_block_hash", "verdict", "rows_checked",
            "entries_checked", "verified_at", "tx_hash", "block_height", "block_hash", "settled_at", "problem"})
    public record Verification(String status, @JsonbProperty("challenge_block_height") Long challengeBlockHeight,
                               @JsonbProperty("challenge_block_hash") String challengeBlockHash, String verdict,
                               @JsonbProperty("rows_checked") int rowsChecked, @JsonbProperty("entries_checked") int entriesChecked,
                               @JsonbProperty("verified_at") Long verifiedAt, @JsonbProperty("tx_hash") String txHash,
                               @JsonbProperty("block_height") Long blockHeight, @JsonbProperty("block_hash") String blockHash,
                               @JsonbProperty("settled_at") Long settledAt, String problem) {
        static Verification of(VerificationView v) {
            return new Verification(v.status(), v.challengeBlockHeight(), v.challengeBlockHash(), v.verdict(), v.rowsChecked(),
                    v.entriesChecked(), seconds(v.verifiedAt()), v.txHash(), v.blockHeight(), v.blockHash(),
                    seconds(v.settledAt()), v.problem());
        }
    }

    @JsonbPropertyOrder({"task_id", "organization", "challenge_type", "status", "reward", "payload", "deadline",
            "created_at", "finished_at", "result", "failure", "jobs"})
    public record Details(@JsonbProperty("task_id") String taskId, String organization,
                          @JsonbProperty("challenge_type") String challengeType, String status, String reward,
                          JsonObject payload, Long deadline, @JsonbProperty("created_at") long createdAt,
                          @JsonbProperty("finished_at") Long finishedAt, Result result, String failure, List<JobView> jobs) {
        static Details of(Task task, List<Job> jobs, Map<UUID, VerificationView> verifications) {
            Result result = task.status() == TaskStatus.COMPLETED
                    ? new Result(task.resultHash(), task.resultWorkerAddress(), task.finishedAt().getEpochSecond()) : null;
            JsonObject payload;
            try (var reader = Json.createReader(new StringReader(task.payload()))) {
                payload = reader.readObject();
            }
            return new Details(task.id().toString(), task.organization(), task.challengeType(), task.status().wire(),
                    task.reward().toCpc(), payload, seconds(task.deadline()), task.createdAt().getEpochSecond(),
                    seconds(task.finishedAt()), result, task.failure(), jobs.stream()
                    .map(j -> JobView.of(j, verifications.get(j.id()))).toList());
        }
    }

    static Long seconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
