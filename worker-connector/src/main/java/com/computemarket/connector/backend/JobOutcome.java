package com.computemarket.connector.backend;

import com.fasterxml.jackson.databind.JsonNode;

/** What a {@link JobRunner} produced: a result to send as {@code job_result}, or a reason to send {@code return_job}. */
public sealed interface JobOutcome {

    /** The result's commitment ({@code result_hash}, hex) and an optional proof object. */
    record Completed(String resultHash, JsonNode proof) implements JobOutcome {
        public Completed {
            if (resultHash == null || resultHash.isBlank()) {
                throw new IllegalArgumentException("a completed job needs a result_hash");
            }
        }
    }

    /** The worker cannot finish this job (no backend, bad payload, stopped): the server queues it again. */
    record Returned(String reason) implements JobOutcome {
    }
}
