package com.computemarket.workerprotocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One text frame on the worker WebSocket {@code /worker}: a JSON object whose {@code "type"} names the message.
 * Worker → server: hello, heartbeat, job_result, return_job. Server → worker: welcome, job, result_ack, error.
 * The records check their own fields, so a decoded message is always well-formed (see {@link WireCodec}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = WireMessage.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = WireMessage.Welcome.class, name = "welcome"),
        @JsonSubTypes.Type(value = WireMessage.JobAssignment.class, name = "job"),
        @JsonSubTypes.Type(value = WireMessage.Heartbeat.class, name = "heartbeat"),
        @JsonSubTypes.Type(value = WireMessage.JobResult.class, name = "job_result"),
        @JsonSubTypes.Type(value = WireMessage.ResultAck.class, name = "result_ack"),
        @JsonSubTypes.Type(value = WireMessage.ReturnJob.class, name = "return_job"),
        @JsonSubTypes.Type(value = WireMessage.ErrorMessage.class, name = "error"),
        @JsonSubTypes.Type(value = WireMessage.ChallengeRows.class, name = "challenge"),
        @JsonSubTypes.Type(value = WireMessage.RowOpening.class, name = "opening"),
        @JsonSubTypes.Type(value = WireMessage.SignRequest.class, name = "sign_result"),
        @JsonSubTypes.Type(value = WireMessage.SignedResult.class, name = "signed_result"),
        @JsonSubTypes.Type(value = WireMessage.JobUpdate.class, name = "job_update")})
public sealed interface WireMessage {

    /** The most slots one connection may announce. */
    int MAX_CAPACITY = 1024;
    /** Result hashes are hex digests; 128 characters hold a SHA-512. */
    int MAX_HASH_LENGTH = 128;
    /** The most model ids one hello may announce. */
    int MAX_MODELS = 64;

    /** Worker → server, first message: which enrolled address this connection speaks for and how many jobs it runs at once. */
    record Hello(@JsonProperty("worker_address") String workerAddress,
                 @JsonProperty("capacity") int capacity,
                 @JsonProperty("challenge_types") List<String> challengeTypes,
                 @JsonProperty("models") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> models) implements WireMessage {
        /** A hello that holds no catalogue model (synthetic work only). */
        public Hello(String workerAddress, int capacity, List<String> challengeTypes) {
            this(workerAddress, capacity, challengeTypes, null);
        }

        /** {@code models}: optional, the ids of the catalogue models the worker holds (inference jobs need one); never null. */
        @JsonCreator
        public Hello {
            workerAddress = required("worker_address", workerAddress);
            if (capacity < 1 || capacity > MAX_CAPACITY) {
                throw new IllegalArgumentException("capacity must be between 1 and " + MAX_CAPACITY + "; got " + capacity);
            }
            if (challengeTypes == null || challengeTypes.isEmpty()) {
                throw new IllegalArgumentException("challenge_types must list at least one challenge type");
            }
            for (String type : challengeTypes) {
                required("challenge_types[]", type);
            }
            challengeTypes = List.copyOf(challengeTypes);
            if (models == null) {
                models = List.of();
            }
            if (models.size() > MAX_MODELS) {
                throw new IllegalArgumentException("models must list at most " + MAX_MODELS + " model ids");
            }
            for (String model : models) {
                required("models[]", model);
            }
            models = List.copyOf(models);
        }
    }

    /** Server → worker, the answer to hello: the worker's id, the lease TTL and how often to heartbeat (ms). */
    record Welcome(@JsonProperty("worker_id") UUID workerId,
                   @JsonProperty("lease_ttl_ms") long leaseTtlMs,
                   @JsonProperty("heartbeat_interval_ms") long heartbeatIntervalMs) implements WireMessage {
        public Welcome {
            Objects.requireNonNull(workerId, "worker_id");
        }
    }

    /** Server → worker: run this job; the lease ends at {@code lease_expires_at} (ISO-8601) unless heartbeats renew it. */
    record JobAssignment(@JsonProperty("job_id") UUID jobId,
                         @JsonProperty("task_id") UUID taskId,
                         @JsonProperty("challenge_type") String challengeType,
                         @JsonProperty("payload") JsonNode payload,
                         @JsonProperty("lease_expires_at") String leaseExpiresAt) implements WireMessage {
        public JobAssignment {
            requiredId("job_id", jobId);
            requiredId("task_id", taskId);
            challengeType = required("challenge_type", challengeType);
            if (payload == null || !payload.isObject()) {
                throw new IllegalArgumentException("payload must be a JSON object");
            }
            try {
                Instant.parse(required("lease_expires_at", leaseExpiresAt));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("lease_expires_at must be an ISO-8601 instant; got \"" + leaseExpiresAt + "\"");
            }
        }

        public JobAssignment(UUID jobId, UUID taskId, String challengeType, JsonNode payload, Instant leaseExpiresAt) {
            this(jobId, taskId, challengeType, payload, leaseExpiresAt.toString());
        }

        public Instant leaseExpiry() {
            return Instant.parse(leaseExpiresAt);
        }
    }

    /** Worker → server: still alive; renews the leases of the jobs it holds. */
    record Heartbeat() implements WireMessage {
    }

    /** Worker → server: the result of a leased job; sending it again after a reconnect is safe (idempotent by job id). */
    record JobResult(@JsonProperty("job_id") UUID jobId,
                     @JsonProperty("worker_address") String workerAddress,
                     @JsonProperty("result_hash") String resultHash,
                     @JsonProperty("proof") JsonNode proof,
                     @JsonProperty("output") @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode output) implements WireMessage {
        /** A result without output (synthetic work). */
        public JobResult(UUID jobId, String workerAddress, String resultHash, JsonNode proof) {
            this(jobId, workerAddress, resultHash, proof, null);
        }

        /**
         * {@code output}: optional, what an inference job computed, a JSON object: embeddings {"kind":"embedding",
         * "vectors":[base64 float32 LE per input],"truncated":[indices]}; text {"kind":"text","text","tokens":[ids],
         * "logprobs":[floats],"finish_reason":"length"|"eos"}. The server checks it against the job.
         */
        @JsonCreator
        public JobResult {
            requiredId("job_id", jobId);
            workerAddress = required("worker_address", workerAddress);
            resultHash = required("result_hash", resultHash);
            if (resultHash.length() > MAX_HASH_LENGTH) {
                throw new IllegalArgumentException("result_hash is longer than " + MAX_HASH_LENGTH + " characters");
            }
            if (proof != null && proof.isNull()) {
                proof = null;
            }
            if (output != null && output.isNull()) {
                output = null;
            }
            if (output != null && !output.isObject()) {
                throw new IllegalArgumentException("output must be a JSON object");
            }
        }
    }

    /** Server → worker: the result was taken ({@code accepted}) or had already been taken ({@code duplicate}). */
    record ResultAck(@JsonProperty("job_id") UUID jobId,
                     @JsonProperty("outcome") String outcome) implements WireMessage {
        public static final String ACCEPTED = "accepted";
        public static final String DUPLICATE = "duplicate";

        public ResultAck {
            requiredId("job_id", jobId);
            outcome = required("outcome", outcome);
        }
    }

    /** Worker → server: it cannot finish this job; the job goes back to the queue at once. */
    record ReturnJob(@JsonProperty("job_id") UUID jobId) implements WireMessage {
        public ReturnJob {
            requiredId("job_id", jobId);
        }
    }

    /** Server → worker: something it sent was refused; {@code code} is a stable slug, {@code detail} for humans. */
    record ErrorMessage(@JsonProperty("code") String code,
                        @JsonProperty("detail") String detail) implements WireMessage {
        public ErrorMessage {
            code = required("code", code);
        }
    }

    /**
     * Server → worker: open these leaves (rows) of the job's result commitment; chosen after the commitment from the
     * verifier's nonce and a later block (docs/protocol/synthetic-challenge.md). Answered by one {@code opening} per leaf.
     */
    record ChallengeRows(@JsonProperty("job_id") UUID jobId,
                         @JsonProperty("challenge_type") String challengeType,
                         @JsonProperty("leaf_indices") java.util.List<Integer> leafIndices,
                         @JsonProperty("block_hash") String blockHash,
                         @JsonProperty("respond_by") String respondBy) implements WireMessage {
        public static final int MAX_LEAVES = 4096;

        public ChallengeRows {
            requiredId("job_id", jobId);
            challengeType = required("challenge_type", challengeType);
            if (leafIndices == null || leafIndices.isEmpty() || leafIndices.size() > MAX_LEAVES
                    || leafIndices.stream().anyMatch(i -> i == null || i < 0)) {
                throw new IllegalArgumentException("leaf_indices must list 1 to " + MAX_LEAVES + " non-negative leaf indices");
            }
            leafIndices = java.util.List.copyOf(leafIndices);
        }
    }

    /**
     * Worker → server: one challenged row — its int32 values (little-endian bytes, base64) and the Merkle path from its
     * row hash to the committed result_hash (hex, leaf level first). One frame per row keeps frames small.
     */
    record RowOpening(@JsonProperty("job_id") UUID jobId,
                      @JsonProperty("leaf_index") int leafIndex,
                      @JsonProperty("values") String values,
                      @JsonProperty("path") java.util.List<String> path) implements WireMessage {
        public static final int MAX_PATH = 64;

        public RowOpening {
            requiredId("job_id", jobId);
            if (leafIndex < 0) {
                throw new IllegalArgumentException("leaf_index must not be negative");
            }
            values = required("values", values);
            if (path == null || path.size() > MAX_PATH || path.stream().anyMatch(h -> h == null || !h.matches("[0-9a-f]{64}"))) {
                throw new IllegalArgumentException("path must list at most " + MAX_PATH + " sha256 hashes in lower-case hex");
            }
            path = java.util.List.copyOf(path);
        }
    }

    /**
     * Server → worker: the verifier accepted this result; sign the ComputeResult (fields as given, over its signable
     * bytes) and a SUBMIT_RESULT carrying it, from the worker's own address with exactly {@code tx_nonce}. The server
     * asks for one signature per worker at a time, with the node's pending nonce, so that a result it never relays
     * leaves no gap: the next request reuses the nonce. A worker signs only a result it committed to itself.
     */
    record SignRequest(@JsonProperty("job_id") UUID jobId,
                       @JsonProperty("task_id") String taskId,
                       @JsonProperty("result_hash") String resultHash,
                       @JsonProperty("proof") String proof,
                       @JsonProperty("result_nonce") long resultNonce,
                       @JsonProperty("tx_nonce") long txNonce,
                       @JsonProperty("gas_price") long gasPrice) implements WireMessage {
        public SignRequest {
            requiredId("job_id", jobId);
            taskId = required("task_id", taskId);
            resultHash = required("result_hash", resultHash);
            proof = proof == null ? "" : proof;
            if (resultNonce < 0 || txNonce < 0 || gasPrice < 1) {
                throw new IllegalArgumentException("result_nonce and tx_nonce must not be negative, gas_price must be positive");
            }
        }
    }

    /** Worker → server: the signed SUBMIT_RESULT transaction (the L1's JSON, as text) for a {@code sign_result}. */
    record SignedResult(@JsonProperty("job_id") UUID jobId,
                        @JsonProperty("transaction") String transaction) implements WireMessage {
        public static final int MAX_TRANSACTION = 16 * 1024;

        public SignedResult {
            requiredId("job_id", jobId);
            transaction = required("transaction", transaction);
            if (transaction.length() > MAX_TRANSACTION) {
                throw new IllegalArgumentException("transaction is longer than " + MAX_TRANSACTION + " characters");
            }
        }
    }

    /**
     * Server → worker, for its terminal: what became of a result — {@code verified}, {@code rejected} (with the
     * verifier's reason) or {@code settled} (with the SUBMIT_RESULT's hash and block on the L1, and the ledger paid).
     */
    record JobUpdate(@JsonProperty("job_id") UUID jobId,
                     @JsonProperty("status") String status,
                     @JsonProperty("detail") String detail,
                     @JsonProperty("tx_hash") String txHash,
                     @JsonProperty("block_height") Long blockHeight) implements WireMessage {
        public static final String VERIFIED = "verified";
        public static final String REJECTED = "rejected";
        public static final String SETTLED = "settled";

        public JobUpdate {
            requiredId("job_id", jobId);
            status = required("status", status);
            detail = detail == null ? "" : detail;
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static void requiredId(String field, UUID value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
