package com.computemarket.market.application;

import com.computemarket.shared.JobId;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a job was dispatched with (payload) and what its worker returned (output, committed to by result_hash).
 * PLACEHOLDER of the market engineer's contract (issue 12); the lead keeps the market's version at merge.
 */
public record JobOutput(JobId jobId, String modelId, JsonNode payload, JsonNode output, String resultHash) {
}
