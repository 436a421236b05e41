package com.computemarket.market.domain;

import com.computemarket.shared.ChallengeType;
import com.computemarket.shared.DomainException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The payload rules of each task type (from the ComputeChain docs) and how a task of it splits into jobs. A payload
 * field the type does not know is refused, so that a typo is not silently ignored.
 * <ul>
 * <li>synthetic: {seed (hex), matrix_size, iterations}: one job per block of up to {@value #SYNTHETIC_ITERATIONS_PER_JOB} iterations;</li>
 * <li>inference: {model_id, prompt, max_tokens, temperature?}: one job;</li>
 * <li>training: {model_architecture, dataset_url, epochs, batch_size}: one job;</li>
 * <li>rendering: {scene_file, resolution "WxH", frames}: one job per block of up to {@value #FRAMES_PER_JOB} frames;</li>
 * <li>simulation: the docs give no payload shape; any object, one job.</li>
 * </ul>
 */
public final class TaskPayloads {

    static final int SYNTHETIC_ITERATIONS_PER_JOB = 10;
    static final int FRAMES_PER_JOB = 10;
    public static final int MAX_JOBS = 1000;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");
    private static final Pattern ANY = Pattern.compile("(?s).+");
    private static final Pattern URL = Pattern.compile("https://[^\\s]{1,2000}");
    private static final Pattern RESOLUTION = Pattern.compile("([1-9][0-9]{0,4})x([1-9][0-9]{0,4})");

    private TaskPayloads() {
    }

    /** The fields a payload of this type may have; null: any. */
    static Set<String> fields(ChallengeType type) {
        return switch (type) {
            case SYNTHETIC -> Set.of("seed", "matrix_size", "iterations");
            case INFERENCE -> Set.of("model_id", "prompt", "max_tokens", "temperature");
            case TRAINING -> Set.of("model_architecture", "dataset_url", "epochs", "batch_size");
            case RENDERING -> Set.of("scene_file", "resolution", "frames");
            case SIMULATION -> null;
        };
    }

    /** Checks the payload and answers one payload per job, in order; refuses what this type does not accept. */
    public static List<ObjectNode> plan(ChallengeType type, JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw invalid("payload must be a JSON object");
        }
        Set<String> fields = fields(type);
        if (fields != null) {
            for (var names = payload.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!fields.contains(name)) {
                    throw invalid("payload." + name + " is not a field of a " + type.wire() + " task; expected "
                            + fields.stream().sorted().collect(Collectors.joining(", ")));
                }
            }
        }
        check(type, payload);
        List<ObjectNode> jobs = split(type, payload);
        if (jobs.size() > MAX_JOBS) {
            throw invalid("this task would split into " + jobs.size() + " jobs; at most " + MAX_JOBS + " are allowed");
        }
        return jobs;
    }

    private static void check(ChallengeType type, JsonNode p) {
        switch (type) {
            case SYNTHETIC -> {
                text(p, "seed", HEX, "a hex string of 1 to 64 digits without 0x");
                integer(p, "matrix_size", 16, 16384);
                integer(p, "iterations", 1, 10_000);
            }
            case INFERENCE -> {
                text(p, "model_id", NAME, "a model name of letters, digits and ._:/- (at most 200)");
                text(p, "prompt", ANY, "a non-empty text of at most 32768 characters");
                if (p.get("prompt").textValue().length() > 32_768) {
                    throw invalid("payload.prompt must be at most 32768 characters");
                }
                integer(p, "max_tokens", 1, 32_768);
                if (p.has("temperature")) {
                    JsonNode t = p.get("temperature");
                    if (!t.isNumber() || t.doubleValue() < 0 || t.doubleValue() > 2) {
                        throw invalid("payload.temperature must be a number from 0 to 2");
                    }
                }
            }
            case TRAINING -> {
                text(p, "model_architecture", NAME, "a model architecture name such as resnet50");
                text(p, "dataset_url", URL, "an https:// URL");
                integer(p, "epochs", 1, 10_000);
                integer(p, "batch_size", 1, 65_536);
            }
            case RENDERING -> {
                text(p, "scene_file", URL, "an https:// URL");
                text(p, "resolution", RESOLUTION, "WIDTHxHEIGHT such as 1920x1080, each 1 to 16384");
                integer(p, "frames", 1, 100_000);
            }
            case SIMULATION -> {
            }
        }
    }

    private static List<ObjectNode> split(ChallengeType type, JsonNode p) {
        return switch (type) {
            case SYNTHETIC -> blocks(p, "iterations", "first_iteration", SYNTHETIC_ITERATIONS_PER_JOB);
            case RENDERING -> blocks(p, "frames", "first_frame", FRAMES_PER_JOB);
            default -> List.of(((ObjectNode) p).deepCopy());
        };
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
        if (pattern == RESOLUTION) {
            var m = RESOLUTION.matcher(v.textValue());
            m.matches();
            if (Integer.parseInt(m.group(1)) > 16384 || Integer.parseInt(m.group(2)) > 16384) {
                throw invalid("payload." + field + " must be " + expected);
            }
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
