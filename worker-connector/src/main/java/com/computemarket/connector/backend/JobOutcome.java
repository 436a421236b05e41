package com.computemarket.connector.backend;

import com.fasterxml.jackson.databind.JsonNode;

/** What a {@link JobRunner} produced: a result to send as {@code job_result}, or a reason to send {@code return_job}. */
public sealed interface JobOutcome {

    /** The result's commitment ({@code result_hash}, hex), an optional proof object and an optional output (inference). */
    record Completed(String resultHash, JsonNode proof, JsonNode output) implements JobOutcome {
        public Completed {
            if (resultHash == null || resultHash.isBlank()) {
                throw new IllegalArgumentException("a completed job needs a result_hash");
            }
        }

        /** Without output (synthetic work). */
        public Completed(String resultHash, JsonNode proof) {
            this(resultHash, proof, null);
        }
    }

    /** The worker cannot finish this job (no backend, bad payload, stopped): the server queues it again. */
    record Returned(String reason) implements JobOutcome {
    }
}
