package com.computemarket.market.application;

import com.computemarket.shared.JobId;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An inference job's stored output with what it answered: the job, its model, the job's payload (embedding
 * {model_id, inputs, first_item}; text {model_id, prompt, max_tokens, temperature?, seed?}), the output in its
 * canonical form (see market.domain.JobOutputCheck) and the result hash the worker committed to.
 */
public record JobOutput(JobId jobId, String modelId, JsonNode payload, JsonNode output, String resultHash) {
}
