package com.computemarket.market.domain;

import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Inference payloads, by the kind of the model they name (which must be on offer), and their price.
 * <ul>
 * <li>embedding: {model_id, inputs: [1..{@value #MAX_INPUTS} texts of 1..{@value #MAX_INPUT_CODE_POINTS} code points]}:
 * one job per block of up to {@value #INPUTS_PER_JOB} inputs, each {model_id, inputs, first_item};</li>
 * <li>text-generation: {model_id, prompt, max_tokens, temperature?, seed?}: one job. The prompt is 1..{@value #MAX_PROMPT_CHARS}
 * characters and its UTF-8 bytes + 2 fit the model's context (the byte-fallback tokenizers never make more tokens than
 * bytes, plus BOS/EOS); max_tokens 1..min({@value #MAX_TOKENS}, context).</li>
 * </ul>
 * Price: embeddings per item when the model has a per-item price, else per 1,000 input tokens × (UTF-8 bytes + 2 per
 * input) / 1000; text: per 1,000 input tokens × (prompt bytes + 2) / 1000 + per 1,000 generated tokens × max_tokens /
 * 1000. Each part is rounded up to the wei per job; the task's price is the sum of its jobs' shares.
 */
public final class InferencePayloads {

    public static final int MAX_INPUTS = 4096;
    public static final int MAX_INPUT_CODE_POINTS = 4096;
    public static final int INPUTS_PER_JOB = 64;
    public static final int MAX_PROMPT_CHARS = 32_768;
    public static final int MAX_TOKENS = 4096;
    /** Tokens a byte-fallback tokenizer may add around a text (BOS, EOS). */
    public static final int SPECIAL_TOKENS = 2;

    private static final Set<String> EMBEDDING_FIELDS = Set.of("model_id", "inputs");
    private static final Set<String> TEXT_FIELDS = Set.of("model_id", "prompt", "max_tokens", "temperature", "seed");

    /** The checked payload: the model, one payload and one price per job, and the task's price (their sum). */
    public record Plan(ModelTerms model, List<ObjectNode> jobs, List<InferencePrice> prices, Amount price) {
    }

    private InferencePayloads() {
    }

    public static Plan plan(JsonNode payload, ModelLookup models) {
        if (payload == null || !payload.isObject()) {
            throw TaskPayloads.invalid("payload must be a JSON object");
        }
        JsonNode id = payload.get("model_id");
        if (id == null || !id.isTextual()) {
            throw TaskPayloads.invalid("payload.model_id is required: the id of a model the catalogue offers");
        }
        List<ModelTerms> offered = models.offered();
        ModelTerms model = offered.stream().filter(m -> m.id().equals(id.textValue())).findFirst()
                .orElseThrow(() -> DomainException.unprocessable("model-not-offered", "payload.model_id \""
                        + abbreviate(id.textValue()) + "\" is not a model the catalogue offers; offered: "
                        + (offered.isEmpty() ? "none" : offered.stream().map(ModelTerms::id).sorted().collect(Collectors.joining(", ")))));
        if (model.embedding()) {
            fields(payload, EMBEDDING_FIELDS, "embedding");
            return embedding((ObjectNode) payload, model);
        }
        fields(payload, TEXT_FIELDS, "text-generation");
        return text((ObjectNode) payload, model);
    }

    private static Plan embedding(ObjectNode p, ModelTerms model) {
        JsonNode inputs = p.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty() || inputs.size() > MAX_INPUTS) {
            throw TaskPayloads.invalid("payload.inputs must be an array of 1 to " + MAX_INPUTS + " texts");
        }
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode input = inputs.get(i);
            String field = "payload.inputs[" + i + "]";
            if (!input.isTextual()) {
                throw TaskPayloads.invalid(field + " must be a text");
            }
            checkText(field, input.textValue(), MAX_INPUT_CODE_POINTS);
        }
        List<ObjectNode> jobs = new ArrayList<>();
        List<InferencePrice> prices = new ArrayList<>();
        Amount total = Amount.ZERO;
        for (int first = 0; first < inputs.size(); first += INPUTS_PER_JOB) {
            ObjectNode job = p.objectNode();
            job.put("model_id", model.id());
            ArrayNode block = job.putArray("inputs");
            long tokens = 0;
            int end = Math.min(inputs.size(), first + INPUTS_PER_JOB);
            for (int i = first; i < end; i++) {
                block.add(inputs.get(i).textValue());
                tokens += utf8Bytes(inputs.get(i).textValue()) + SPECIAL_TOKENS;
            }
            job.put("first_item", first);
            Amount share = model.perItem().isPresent()
                    ? Amount.ofWei(model.perItem().get().wei().multiply(BigInteger.valueOf(end - first)))
                    : InferencePrice.perThousand(model.perThousandInputTokens().orElse(Amount.ZERO), tokens);
            jobs.add(job);
            prices.add(InferencePrice.fixed(share));
            total = total.plus(share);
        }
        return new Plan(model, jobs, prices, total);
    }

    private static Plan text(ObjectNode p, ModelTerms model) {
        JsonNode prompt = p.get("prompt");
        if (prompt == null || !prompt.isTextual()) {
            throw TaskPayloads.invalid("payload.prompt is required: a non-empty text of at most " + MAX_PROMPT_CHARS + " characters");
        }
        String text = prompt.textValue();
        if (text.isEmpty() || text.length() > MAX_PROMPT_CHARS) {
            throw TaskPayloads.invalid("payload.prompt must be a non-empty text of at most " + MAX_PROMPT_CHARS + " characters");
        }
        checkText("payload.prompt", text, Integer.MAX_VALUE);
        long promptTokens = utf8Bytes(text) + SPECIAL_TOKENS;
        if (promptTokens > model.contextLength()) {
            throw TaskPayloads.invalid("payload.prompt is " + utf8Bytes(text) + " UTF-8 bytes; with " + SPECIAL_TOKENS
                    + " special tokens it must fit the context of " + model.id() + " (" + model.contextLength() + " tokens)");
        }
        int maxTokens = Math.min(MAX_TOKENS, model.contextLength());
        TaskPayloads.integer(p, "max_tokens", 1, maxTokens);
        if (p.has("temperature")) {
            JsonNode t = p.get("temperature");
            if (!t.isNumber() || t.doubleValue() < 0 || t.doubleValue() > 2) {
                throw TaskPayloads.invalid("payload.temperature must be a number from 0 to 2");
            }
        }
        if (p.has("seed")) {
            TaskPayloads.integer(p, "seed", 0, Long.MAX_VALUE);
        }
        Amount base = InferencePrice.perThousand(model.perThousandInputTokens().orElse(Amount.ZERO), promptTokens)
                .plus(model.perItem().orElse(Amount.ZERO));
        Amount perThousandGenerated = model.perThousandOutputTokens().orElse(Amount.ZERO);
        Amount share = base.plus(InferencePrice.perThousand(perThousandGenerated, p.get("max_tokens").longValue()));
        InferencePrice price = new InferencePrice(share, base, perThousandGenerated);
        return new Plan(model, List.of(p.deepCopy()), List.of(price), share);
    }

    private static void fields(JsonNode payload, Set<String> fields, String kind) {
        for (var names = payload.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw TaskPayloads.invalid("payload." + name + " is not a field of an inference task for a " + kind
                        + " model; expected " + fields.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    /** 1..max code points, no lone surrogate (text that is not valid Unicode cannot be UTF-8 encoded). */
    static void checkText(String field, String text, int maxCodePoints) {
        if (text.isEmpty()) {
            throw TaskPayloads.invalid(field + " must not be empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw TaskPayloads.invalid(field + " holds a lone surrogate at character " + i + ": not valid Unicode text");
            } else if (c == '\uFFFD') {
                throw TaskPayloads.invalid(field + " holds U+FFFD at character " + i + ": the request was not valid UTF-8");
            }
        }
        if (maxCodePoints != Integer.MAX_VALUE && text.codePointCount(0, text.length()) > maxCodePoints) {
            throw TaskPayloads.invalid(field + " must be at most " + maxCodePoints + " code points");
        }
    }

    static long utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String abbreviate(String text) {
        return text.length() > 70 ? text.substring(0, 70) + "…" : text;
    }
}
