package com.computemarket.market.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.market.domain.ModelLookup;
import com.computemarket.market.domain.ModelTerms;
import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Inference requests: payload by the model's kind, bounds naming the field, the price, and the reward against it. */
class InferenceTaskRequestTest {

    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    /** 0.001 CPC per embedded text. */
    static final ModelTerms PER_ITEM = new ModelTerms("minilm", "embedding", 256, Optional.of(384),
            Optional.empty(), Optional.empty(), Optional.of(Amount.ofWei(1_000_000_000_000_000L)));
    /** 1000 wei per 1,000 input tokens. */
    static final ModelTerms PER_TOKEN = new ModelTerms("minilm-tokens", "embedding", 256, Optional.of(384),
            Optional.of(Amount.ofWei(1000)), Optional.empty(), Optional.empty());
    /** 3000 wei per 1,000 input tokens, 7000 wei per 1,000 generated tokens, context 64. */
    static final ModelTerms TEXT = new ModelTerms("tiny-llm", "text-generation", 64, Optional.empty(),
            Optional.of(Amount.ofWei(3000)), Optional.of(Amount.ofWei(7000)), Optional.empty());
    static final ModelLookup MODELS = () -> List.of(PER_ITEM, PER_TOKEN, TEXT);

    static TaskRequest parse(String body) {
        return TaskRequest.parse(body, NOW, Duration.ofDays(7), Duration.ofDays(30), MODELS);
    }

    static DomainException refused(String body) {
        return assertThrows(DomainException.class, () -> parse(body));
    }

    static String embed(String model, int inputs, String reward) {
        String texts = IntStream.range(0, inputs).mapToObj(i -> "\"text " + i + "\"").collect(Collectors.joining(","));
        return "{\"challenge_type\":\"inference\",\"payload\":{\"model_id\":\"" + model + "\",\"inputs\":[" + texts + "]}"
                + (reward == null ? "" : ",\"reward\":\"" + reward + "\"") + "}";
    }

    @Test
    void embeddingsSplitIntoJobsOfAtMost64InputsEachSayingItsFirstItem() {
        TaskRequest request = parse(embed("minilm", 130, null));
        assertEquals(3, request.jobPayloads().size());
        assertEquals(64, request.jobPayloads().get(0).get("inputs").size());
        assertEquals(2, request.jobPayloads().get(2).get("inputs").size());
        assertEquals(128, request.jobPayloads().get(2).get("first_item").intValue());
        assertEquals("text 128", request.jobPayloads().get(2).get("inputs").get(0).textValue());
        assertEquals("minilm", request.jobPayloads().get(1).get("model_id").textValue());
        assertEquals("minilm", request.modelId());
    }

    @Test
    void anEmbeddingTaskPerItemCostsInputsTimesThePriceSharedByJob() {
        TaskRequest request = parse(embed("minilm", 130, null));
        assertEquals(Amount.ofWei(130_000_000_000_000_000L), request.reward());
        assertEquals(List.of(Amount.ofWei(64_000_000_000_000_000L), Amount.ofWei(64_000_000_000_000_000L),
                Amount.ofWei(2_000_000_000_000_000L)), request.jobRewards());
    }

    @Test
    void anEmbeddingTaskPerTokenCostsTheBytesPlusTwoPerInputRoundedUp() {
        // "text 0".."text 9": 6 bytes + 2 = 8 each: 80 tokens × 1000 wei / 1000 = 80 wei
        assertEquals(Amount.ofWei(80), parse(embed("minilm-tokens", 10, null)).reward());
        // "é": 2 bytes + 2 = 4 tokens × 1000 / 1000 = 4; with 1001 wei: 4.004 → 5
        ModelTerms odd = new ModelTerms("odd", "embedding", 256, Optional.of(384), Optional.of(Amount.ofWei(1001)),
                Optional.empty(), Optional.empty());
        TaskRequest request = TaskRequest.parse("{\"challenge_type\":\"inference\",\"payload\":{\"model_id\":\"odd\",\"inputs\":[\"é\"]}}",
                NOW, Duration.ofDays(7), Duration.ofDays(30), () -> List.of(odd));
        assertEquals(Amount.ofWei(5), request.reward());
    }

    @Test
    void aTextTaskCostsThePromptBoundPlusMaxTokensAndIsOneJob() {
        TaskRequest request = parse("""
                {"challenge_type":"inference","payload":{"model_id":"tiny-llm","prompt":"Hello","max_tokens":10,"temperature":0.7,"seed":42}}""");
        // input: (5 + 2) × 3000 / 1000 = 21; output: 10 × 7000 / 1000 = 70
        assertEquals(Amount.ofWei(91), request.reward());
        assertEquals(1, request.jobPayloads().size());
        assertEquals(Amount.ofWei(21), request.jobPrices().get(0).base());
        // generated 3 tokens: 21 + ceil(3 × 7000 / 1000) = 42; the other 49 wei go back
        assertEquals(Amount.ofWei(42), request.jobPrices().get(0).charge(3));
        assertEquals(Amount.ofWei(91), request.jobPrices().get(0).charge(10));
        assertEquals(Amount.ofWei(91), request.jobPrices().get(0).charge(99));
    }

    @Test
    void aRewardBelowThePriceIsRefusedAndAHigherOneIsReplacedByThePrice() {
        DomainException e = refused(embed("minilm", 2, "0.001"));
        assertEquals(422, e.status());
        assertEquals("reward-too-low", e.type());
        assertTrue(e.detail().contains("0.002"), e.detail());
        assertEquals(Amount.ofWei(2_000_000_000_000_000L), parse(embed("minilm", 2, "5")).reward());
    }

    @Test
    void anUnknownModelIsRefusedNamingTheFieldAndTheOfferedModels() {
        DomainException e = refused(embed("retired-model", 1, null));
        assertEquals(422, e.status());
        assertEquals("model-not-offered", e.type());
        assertTrue(e.detail().contains("payload.model_id"), e.detail());
        assertTrue(e.detail().contains("minilm, minilm-tokens, tiny-llm"), e.detail());
    }

    @Test
    void aSyntheticTaskNeedsNoModel() {
        assertNull(parse("{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"ab\",\"matrix_size\":16,\"iterations\":1},\"reward\":\"1\"}").modelId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"model_id\":\"minilm\",\"inputs\":[]}|payload.inputs",
            "{\"model_id\":\"minilm\",\"inputs\":\"x\"}|payload.inputs",
            "{\"model_id\":\"minilm\",\"inputs\":[\"a\",\"\"]}|payload.inputs[1]",
            "{\"model_id\":\"minilm\",\"inputs\":[\"a\",3]}|payload.inputs[1]",
            "{\"model_id\":\"minilm\",\"inputs\":[\"\\ud800x\"]}|payload.inputs[0]",
            "{\"model_id\":\"minilm\",\"inputs\":[\"a\"],\"prompt\":\"x\"}|payload.prompt",
            "{\"inputs\":[\"a\"]}|payload.model_id",
            "{\"model_id\":\"tiny-llm\",\"prompt\":\"\",\"max_tokens\":1}|payload.prompt",
            "{\"model_id\":\"tiny-llm\",\"max_tokens\":1}|payload.prompt",
            "{\"model_id\":\"tiny-llm\",\"prompt\":\"hi\",\"max_tokens\":0}|payload.max_tokens",
            "{\"model_id\":\"tiny-llm\",\"prompt\":\"hi\",\"max_tokens\":65}|payload.max_tokens",
            "{\"model_id\":\"tiny-llm\",\"prompt\":\"hi\",\"max_tokens\":1,\"temperature\":2.5}|payload.temperature",
            "{\"model_id\":\"tiny-llm\",\"prompt\":\"hi\",\"max_tokens\":1,\"seed\":-1}|payload.seed",
            "{\"model_id\":\"tiny-llm\",\"prompt\":\"hi\",\"max_tokens\":1,\"seed\":1.5}|payload.seed",
            "{\"model_id\":\"tiny-llm\",\"prompt\":\"hi\",\"max_tokens\":1,\"inputs\":[]}|payload.inputs"})
    void badPayloadsAreRefusedNamingTheField(String payload, String field) {
        DomainException e = refused("{\"challenge_type\":\"inference\",\"payload\":" + payload + "}");
        assertTrue(e.detail().startsWith(field + " "), e.detail());
    }

    @Test
    void aPromptWhoseBytesDoNotFitTheContextIsRefused() {
        // 62 bytes + 2 = 64 fits; 63 + 2 does not
        parse("{\"challenge_type\":\"inference\",\"payload\":{\"model_id\":\"tiny-llm\",\"prompt\":\"" + "a".repeat(62) + "\",\"max_tokens\":1}}");
        DomainException e = refused("{\"challenge_type\":\"inference\",\"payload\":{\"model_id\":\"tiny-llm\",\"prompt\":\"" + "é".repeat(32) + "\",\"max_tokens\":1}}");
        assertTrue(e.detail().startsWith("payload.prompt "), e.detail());
    }

    @Test
    void inputsAreBoundedInCountAndCodePoints() {
        assertTrue(refused(embed("minilm", 4097, null)).detail().startsWith("payload.inputs "));
        String long4097 = "{\"challenge_type\":\"inference\",\"payload\":{\"model_id\":\"minilm\",\"inputs\":[\"" + "a".repeat(4097) + "\"]}}";
        assertTrue(refused(long4097).detail().startsWith("payload.inputs[0] "));
        // 4096 code points of a 2-char emoji are 8192 chars and fine
        parse("{\"challenge_type\":\"inference\",\"payload\":{\"model_id\":\"minilm\",\"inputs\":[\"" + "😀".repeat(4096) + "\"]}}");
    }
}
