package com.computemarket.market.api;

import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.Task;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

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

    @JsonbPropertyOrder({"job_id", "index", "status", "reward", "attempts", "worker_id", "result_hash", "failure"})
    public record JobView(@JsonbProperty("job_id") String jobId, int index, String status, String reward, int attempts,
                          @JsonbProperty("worker_id") String workerId, @JsonbProperty("result_hash") String resultHash,
                          String failure) {
        static JobView of(Job job) {
            return new JobView(job.id().toString(), job.index(), job.status().name().toLowerCase(), job.reward().toCpc(),
                    job.attempts(), job.workerId() == null ? null : job.workerId().toString(), job.resultHash(), job.failure());
        }
    }

    @JsonbPropertyOrder({"task_id", "organization", "challenge_type", "status", "reward", "payload", "deadline",
            "created_at", "finished_at", "result", "failure", "jobs"})
    public record Details(@JsonbProperty("task_id") String taskId, String organization,
                          @JsonbProperty("challenge_type") String challengeType, String status, String reward,
                          JsonObject payload, Long deadline, @JsonbProperty("created_at") long createdAt,
                          @JsonbProperty("finished_at") Long finishedAt, Result result, String failure, List<JobView> jobs) {
        static Details of(Task task, List<Job> jobs) {
            Result result = task.status() == com.computemarket.market.domain.TaskStatus.COMPLETED
                    ? new Result(task.resultHash(), task.resultWorkerAddress(), task.finishedAt().getEpochSecond()) : null;
            JsonObject payload;
            try (var reader = Json.createReader(new StringReader(task.payload()))) {
                payload = reader.readObject();
            }
            return new Details(task.id().toString(), task.organization(), task.challengeType(), task.status().wire(),
                    task.reward().toCpc(), payload, seconds(task.deadline()), task.createdAt().getEpochSecond(),
                    seconds(task.finishedAt()), result, task.failure(), jobs.stream().map(JobView::of).toList());
        }
    }

    static Long seconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
