package com.computemarket.portal.customer;

import com.computemarket.billing.application.LedgerReading;
import com.computemarket.billing.application.OrganizationBalance;
import com.computemarket.market.application.TaskPreview;
import com.computemarket.market.application.TaskRequest;
import com.computemarket.market.application.TaskSubmission;
import com.computemarket.portal.Pages;
import com.computemarket.shared.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates a task of any challenge type. The form becomes the API's request body and goes through the market's own
 * parsing (TaskRequest): the preview and the refusals are the market's, not a copy of its rules.
 */
@Named
@RequestScoped
public class NewTaskPage {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A valid payload per type, to start from (portal.js fills it in when the type changes). */
    static final Map<String, String> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("synthetic", "{\"seed\": \"00ff\", \"matrix_size\": 64, \"iterations\": 20}");
        // an embedding model of the catalogue; a text-generation model takes {"model_id", "prompt", "max_tokens"}
        EXAMPLES.put("inference", "{\"model_id\": \"all-minilm-l6-v2\", \"inputs\": [\"What is ComputeChain?\", \"Proof of useful work\"]}");
    }

    @Inject Caller caller;
    @Inject TaskSubmission submission;
    @Inject LedgerReading reading;

    private String type = "synthetic";
    private String payload = EXAMPLES.get("synthetic");
    private String reward = "1.0";
    private String deadlineHours = "";
    private String idempotencyKey = UUID.randomUUID().toString();
    private TaskPreview preview;

    public String preview() {
        String body = body();
        if (body != null) {
            preview = Pages.attempt(() -> submission.preview(caller, body));
        }
        return null;
    }

    public String create() {
        String body = body();
        if (body == null) {
            return null;
        }
        var submitted = Pages.attempt(() -> submission.submit(caller, body, idempotencyKey));
        if (submitted == null) {
            return null;
        }
        Pages.info("Task " + submitted.task().id() + " created: " + submitted.task().reward().toCpc() + " CPC held in escrow.");
        return "/customer/task.xhtml?faces-redirect=true&id=" + submitted.task().id();
    }

    /** The API's body for this form; null (with a message) when the form itself is not well-formed. */
    String body() {
        ObjectNode root = JSON.createObjectNode();
        root.put("challenge_type", type);
        JsonNode parsed;
        try {
            parsed = JSON.readTree(payload == null ? "" : payload);
        } catch (JsonProcessingException e) {
            Pages.error("The payload is not valid JSON: " + e.getOriginalMessage());
            return null;
        }
        if (parsed == null || parsed.isMissingNode()) {
            Pages.error("The payload is required: a JSON object such as " + EXAMPLES.getOrDefault(type, "{}"));
            return null;
        }
        root.set("payload", parsed);
        if (reward != null && !reward.isBlank() || !"inference".equals(type)) {
            root.put("reward", reward == null ? "" : reward.strip()); // inference: optional, priced from the model
        }
        if (deadlineHours != null && !deadlineHours.isBlank()) {
            if (!deadlineHours.strip().matches("\\d{1,6}")) {
                Pages.error("The deadline is a whole number of hours from now, such as 24; leave it empty for the default.");
                return null;
            }
            root.put("deadline", Instant.now().plus(Duration.ofHours(Long.parseLong(deadlineHours.strip()))).getEpochSecond());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public OrganizationBalance getBalance() {
        return Pages.attempt(() -> reading.balanceOf(caller, caller.requireOrganization()));
    }

    public List<String> getTypes() {
        return TaskRequest.runnableTypes(); // training, rendering, simulation cannot run yet: not offered
    }

    /** The examples as a JSON object for the type selector's data attribute. */
    public String getExamplesJson() throws JsonProcessingException {
        return JSON.writeValueAsString(EXAMPLES);
    }

    public TaskPreview getPreview() { return preview; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getPayload() { return payload; }
    public void setPayload(String payload) { this.payload = payload; }
    public String getReward() { return reward; }
    public void setReward(String reward) { this.reward = reward; }
    public String getDeadlineHours() { return deadlineHours; }
    public void setDeadlineHours(String deadlineHours) { this.deadlineHours = deadlineHours; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }

    public String time(Instant instant) {
        return Pages.time(instant);
    }
}
