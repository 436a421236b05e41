package com.computemarket.market.domain;

import com.computemarket.shared.DomainException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The task types of the ComputeChain docs, each with its payload rules and how it splits into jobs. A payload field
 * the type does not know is refused, so that a typo is not silently ignored.
 */
public enum ChallengeType {

    /** {seed (hex), matrix_size, iterations}: one job per block of up to {@value #SYNTHETIC_ITERATIONS_PER_JOB} iterations. */
    SYNTHETIC(Set.of("seed", "matrix_size", "iterations")) {
        @Override
        void check(JsonNode p) {
            text(p, "seed", HEX, "a hex string of 1 to 64 digits without 0x");
            integer(p, "matrix_size", 16, 16384);
            integer(p, "iterations", 1, 10_000);
        }

        @Override
        List<ObjectNode> split(JsonNode p) {
            int iterations = p.get("iterations").intValue();
            List<ObjectNode> jobs = new ArrayList<>();
            for (int first = 0; first < iterations; first += SYNTHETIC_ITERATIONS_PER_JOB) {
                ObjectNode job = ((ObjectNode) p).deepCopy();
                job.put("first_iteration", first);
                job.put("iterations", Math.min(SYNTHETIC_ITERATIONS_PER_JOB, iterations - first));
                jobs.add(job);
            }
            return jobs;
        }
    },
    /** {model_id, prompt, max_tokens, temperature?}: one job. */
    INFERENCE(Set.of("model_id", "prompt", "max_tokens", "temperature")) {
        @Override
        void check(JsonNode p) {
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
    },
    /** {model_architecture, dataset_url, epochs, batch_size}: one job. */
    TRAINING(Set.of("model_architecture", "dataset_url", "epochs", "batch_size")) {
        @Override
        void check(JsonNode p) {
            text(p, "model_architecture", NAME, "a model architecture name such as resnet50");
            text(p, "dataset_url", URL, "an https:// URL");
            integer(p, "epochs", 1, 10_000);
            integer(p, "batch_size", 1, 65_536);
        }
    },
    /** {scene_file, resolution "WxH", frames}: one job per block of up to {@value #FRAMES_PER_JOB} frames. */
    RENDERING(Set.of("scene_file", "resolution", "frames")) {
        @Override
        void check(JsonNode p) {
            text(p, "scene_file", URL, "an https:// URL");
            text(p, "resolution", RESOLUTION, "WIDTHxHEIGHT such as 1920x1080, each 1 to 16384");
            integer(p, "frames", 1, 100_000);
        }

        @Override
        List<ObjectNode> split(JsonNode p) {
            int frames = p.get("frames").intValue();
            List<ObjectNode> jobs = new ArrayList<>();
            for (int first = 0; first < frames; first += FRAMES_PER_JOB) {
                ObjectNode job = ((ObjectNode) p).deepCopy();
                job.put("first_frame", first);
                job.put("frames", Math.min(FRAMES_PER_JOB, frames - first));
                jobs.add(job);
            }
            return jobs;
        }
    },
    /** Scientific simulation: the docs give no payload shape; any object, one job. */
    SIMULATION(null) {
        @Override
        void check(JsonNode p) {
        }
    };

    static final int SYNTHETIC_ITERATIONS_PER_JOB = 10;
    static final int FRAMES_PER_JOB = 10;
    public static final int MAX_JOBS = 1000;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");
    private static final Pattern ANY = Pattern.compile("(?s).+");
    private static final Pattern URL = Pattern.compile("https://[^\\s]{1,2000}");
    private static final Pattern RESOLUTION = Pattern.compile("([1-9][0-9]{0,4})x([1-9][0-9]{0,4})");

    private final Set<String> fields;

    ChallengeType(Set<String> fields) {
        this.fields = fields;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChallengeType fromWire(String text) {
        for (ChallengeType type : values()) {
            if (type.wire().equals(text)) {
                return type;
            }
        }
        throw DomainException.invalid("unknown-challenge-type", "challenge_type must be one of "
                + Arrays.stream(values()).map(ChallengeType::wire).collect(Collectors.joining(", "))
                + "; got \"" + text + "\"");
    }

    /** Checks the payload and answers one payload per job, in order; refuses what this type does not accept. */
    public List<ObjectNode> plan(JsonNode payload) {
        if (payload == null || !payload.isObject()) {
            throw invalid("payload must be a JSON object");
        }
        if (fields != null) {
            for (var names = payload.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!fields.contains(name)) {
                    throw invalid("payload." + name + " is not a field of a " + wire() + " task; expected "
                            + fields.stream().sorted().collect(Collectors.joining(", ")));
                }
            }
        }
        check(payload);
        List<ObjectNode> jobs = split(payload);
        if (jobs.size() > MAX_JOBS) {
            throw invalid("this task would split into " + jobs.size() + " jobs; at most " + MAX_JOBS + " are allowed");
        }
        return jobs;
    }

    abstract void check(JsonNode payload);

    List<ObjectNode> split(JsonNode payload) {
        return List.of(((ObjectNode) payload).deepCopy());
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

    /** An empty object, for tests and examples. */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
