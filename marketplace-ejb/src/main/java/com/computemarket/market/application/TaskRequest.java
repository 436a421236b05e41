package com.computemarket.market.application;

import com.computemarket.market.domain.InferencePayloads;
import com.computemarket.market.domain.InferencePrice;
import com.computemarket.market.domain.ModelLookup;
import com.computemarket.market.domain.TaskPayloads;
import com.computemarket.shared.Amount;
import com.computemarket.shared.ChallengeType;
import com.computemarket.shared.DomainException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed and checked {@code POST /tasks} body: {challenge_type, payload, reward, deadline}. Parsing is strict
 * (duplicate keys, trailing data, unknown fields, numbers where a decimal string belongs are all refused) because a
 * request that moves money must mean exactly one thing.
 */
public record TaskRequest(ChallengeType challengeType, ObjectNode payload, Amount reward, Instant deadline,
                          List<ObjectNode> jobPayloads, List<InferencePrice> jobPrices, String modelId, String digest) {

    /** Each job's share of the reward, in job order. */
    public List<Amount> jobRewards() {
        return jobPrices.stream().map(InferencePrice::share).toList();
    }

    public static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Set<String> FIELDS = Set.of("challenge_type", "payload", "reward", "deadline");
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** A request that may not name a model (nothing offered): for synthetic tasks and tests. */
    public static TaskRequest parse(String body, Instant now, Duration defaultDeadline, Duration maxDeadline) {
        return parse(body, now, defaultDeadline, maxDeadline, ModelLookup.NONE);
    }

    /**
     * Parses and checks a request; training, rendering and simulation are refused (422 challenge-type-not-runnable), an
     * inference task must name a model {@code models} offers and is priced from its payload (the reward is then optional
     * and at least that price: 422 reward-too-low).
     */
    public static TaskRequest parse(String body, Instant now, Duration defaultDeadline, Duration maxDeadline, ModelLookup models) {
        if (body == null || body.isBlank()) {
            throw invalid("invalid-body", "the request body must be a JSON object {challenge_type, payload, reward, deadline}");
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new DomainException(413, "body-too-large", "the request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            throw invalid("malformed-json", "the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid("invalid-body", "the request body must be a JSON object {challenge_type, payload, reward, deadline}");
        }
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw invalid("unknown-field", name + " is not a field of a task; expected challenge_type, payload, reward, deadline");
            }
        }
        JsonNode type = root.get("challenge_type");
        if (type == null || !type.isTextual()) {
            throw invalid("unknown-challenge-type", "challenge_type is required, as a string such as \"synthetic\"");
        }
        ChallengeType challengeType = ChallengeType.fromWire(type.textValue());
        TaskPayloads.requireRunnable(challengeType);
        JsonNode payload = root.get("payload");
        JsonNode rewardNode = root.get("reward");
        if (rewardNode != null && rewardNode.isNumber()) {
            throw invalid("invalid-amount", "reward must be a decimal CPC string such as \"10.0\", not a JSON number");
        }
        boolean rewardGiven = rewardNode != null && !rewardNode.isNull();
        List<ObjectNode> jobs;
        List<InferencePrice> prices;
        Amount reward;
        String modelId = null;
        if (challengeType == ChallengeType.INFERENCE) {
            InferencePayloads.Plan plan = InferencePayloads.plan(payload, models);
            jobs = plan.jobs();
            prices = plan.prices();
            modelId = plan.model().id();
            if (rewardGiven && Amount.parseCpc("reward", rewardNode.asText()).compareTo(plan.price()) < 0) {
                throw DomainException.unprocessable("reward-too-low", "reward " + rewardNode.asText()
                        + " CPC is lower than the price of this task: " + plan.price().toCpc() + " CPC");
            }
            reward = plan.price();
        } else {
            jobs = TaskPayloads.plan(challengeType, payload);
            reward = Amount.parseCpc("reward", rewardGiven ? rewardNode.asText() : null);
            if (reward.wei().compareTo(BigInteger.valueOf(jobs.size())) < 0) {
                throw DomainException.invalid("reward-too-small", "reward must be positive and at least 10^-18 CPC per job ("
                        + jobs.size() + " jobs); got \"" + rewardNode.asText() + "\"");
            }
            prices = Arrays.stream(reward.split(jobs.size())).map(InferencePrice::fixed).toList();
        }
        Instant deadline = deadline(root.get("deadline"), now, defaultDeadline, maxDeadline);
        return new TaskRequest(challengeType, (ObjectNode) payload, reward, deadline, jobs, prices, modelId, digest(root));
    }

    private static Instant deadline(JsonNode node, Instant now, Duration defaultDeadline, Duration maxDeadline) {
        if (node == null || node.isNull()) {
            return now.plus(defaultDeadline);
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw invalid("invalid-deadline", "deadline must be a Unix time in seconds (an integer); got " + node);
        }
        Instant deadline = Instant.ofEpochSecond(node.longValue());
        if (!deadline.isAfter(now)) {
            throw invalid("invalid-deadline", "deadline " + node.longValue() + " is not in the future (now is " + now.getEpochSecond() + ")");
        }
        if (deadline.isAfter(now.plus(maxDeadline))) {
            throw invalid("invalid-deadline", "deadline may be at most " + maxDeadline.toDays() + " days ahead");
        }
        return deadline;
    }

    /** The same request in any key order gives the same digest; an Idempotency-Key reused for another body is caught by it. */
    static String digest(JsonNode root) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(CANONICAL.convertValue(root, Map.class));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The challenge types a task may ask for now (a worker can run them), in the order of {@link ChallengeType}. */
    public static List<String> runnableTypes() {
        return Arrays.stream(ChallengeType.values()).filter(TaskPayloads.RUNNABLE::contains).map(ChallengeType::wire).toList();
    }

    /** An Idempotency-Key is 1 to 200 visible ASCII characters. */
    public static String checkIdempotencyKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw invalid("invalid-idempotency-key", "Idempotency-Key must be 1 to 200 visible ASCII characters");
        }
        return key;
    }

    private static DomainException invalid(String type, String detail) {
        return DomainException.invalid(type, detail);
    }
}
