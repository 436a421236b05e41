package com.computemarket.market.domain;

import com.computemarket.shared.ChallengeType;
import com.computemarket.shared.DomainException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which task types the market runs, and the payload rules of synthetic tasks (inference: {@link InferencePayloads}).
 * A payload field the type does not know is refused, so that a typo is not silently ignored.
 * <ul>
 * <li>synthetic: {seed (hex), matrix_size, iterations}: one job per block of up to {@value #SYNTHETIC_ITERATIONS_PER_JOB} iterations;</li>
 * <li>inference: by the model's kind, see {@link InferencePayloads};</li>
 * <li>training, rendering, simulation: no worker runs them yet, so they are refused (422 challenge-type-not-runnable)
 * rather than held in escrow for work that never comes.</li>
 * </ul>
 */
public final class TaskPayloads {

    static final int SYNTHETIC_ITERATIONS_PER_JOB = 10;
    public static final int MAX_JOBS = 1000;
    /** The types a task may ask for: those a worker can run. */
    public static final Set<ChallengeType> RUNNABLE = Set.of(ChallengeType.SYNTHETIC, ChallengeType.INFERENCE);
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,64}");
    private static final Set<String> SYNTHETIC_FIELDS = Set.of("seed", "matrix_size", "iterations");

    private TaskPayloads() {
    }

    /** 422 challenge-type-not-runnable unless a worker can run this type; names those that can. */
    public static void requireRunnable(ChallengeType type) {
        if (!RUNNABLE.contains(type)) {
            throw DomainException.unprocessable("challenge-type-not-runnable", "challenge_type \"" + type.wire()
                    + "\" cannot run on this market yet; tasks may be " + runnableNames());
        }
    }

    public static String runnableNames() {
        return Arrays.stream(ChallengeType.values()).filter(RUNNABLE::contains).map(ChallengeType::wire)
                .collect(Collectors.joining(", "));
    }

    /** Checks a synthetic payload and answers one payload per job, in order. */
    public static List<ObjectNode> plan(ChallengeType type, JsonNode payload) {
        requireRunnable(type);
        if (type != ChallengeType.SYNTHETIC) {
            throw new IllegalArgumentException(type.wire() + " payloads are planned with their model: InferencePayloads");
        }
        if (payload == null || !payload.isObject()) {
            throw invalid("payload must be a JSON object");
        }
        for (var names = payload.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SYNTHETIC_FIELDS.contains(name)) {
                throw invalid("payload." + name + " is not a field of a synthetic task; expected "
                        + SYNTHETIC_FIELDS.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        text(payload, "seed", HEX, "a hex string of 1 to 64 digits without 0x");
        integer(payload, "matrix_size", 16, 16384);
        integer(payload, "iterations", 1, 10_000);
        List<ObjectNode> jobs = blocks(payload, "iterations", "first_iteration", SYNTHETIC_ITERATIONS_PER_JOB);
        if (jobs.size() > MAX_JOBS) {
            throw invalid("this task would split into " + jobs.size() + " jobs; at most " + MAX_JOBS + " are allowed");
        }
        return jobs;
    }

    /** One job per block of up to {@code perJob} of {@code countField}, each saying where its block starts. */
    private static List<ObjectNode> blocks(JsonNode p, String countField, String firstField, int perJob) {
        int count = p.get(countField).intValue();
        List<ObjectNode> jobs = new ArrayList<>();
        for (int first = 0; first < count; first += perJob) {
            ObjectNode job = ((ObjectNode) p).deepCopy();
            job.put(firstField, first);
            job.put(countField, Math.min(perJob, count - first));
            jobs.add(job);
        }
        return jobs;
    }

    static void text(JsonNode p, String field, Pattern pattern, String expected) {
        JsonNode v = p.get(field);
        if (v == null || v.isNull()) {
            throw invalid("payload." + field + " is required: " + expected);
        }
        if (!v.isTextual() || !pattern.matcher(v.textValue()).matches()) {
            throw invalid("payload." + field + " must be " + expected);
        }
    }

    static void integer(JsonNode p, String field, long min, long max) {
        JsonNode v = p.get(field);
        if (v == null || v.isNull()) {
            throw invalid("payload." + field + " is required: an integer from " + min + " to " + max);
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
            throw invalid("payload." + field + " must be an integer from " + min + " to " + max + "; got " + v);
        }
    }

    static DomainException invalid(String detail) {
        return DomainException.invalid("invalid-payload", detail);
    }
}
