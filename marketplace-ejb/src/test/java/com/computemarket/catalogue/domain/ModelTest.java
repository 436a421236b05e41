package com.computemarket.catalogue.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final ModelFile WEIGHTS = new ModelFile(FileRole.WEIGHTS, new Sha256("a".repeat(64)), 90_000_000);
    static final ModelFile TOKENIZER = new ModelFile(FileRole.TOKENIZER, new Sha256("b".repeat(64)), 700_000);
    static final Prices EMBEDDING_PRICES = new Prices(Optional.of(Amount.parseCpc("p", "0.0001")), Optional.empty(), Optional.empty());
    static final Prices GENERATION_PRICES = new Prices(Optional.of(Amount.parseCpc("p", "0.001")),
            Optional.of(Amount.parseCpc("p", "0.002")), Optional.empty());

    static Model embedding(List<ModelFile> files, Integer dimension, Prices prices) {
        return new Model(ModelId.of("all-minilm-l6-v2"), ModelKind.EMBEDDING, "onnxruntime", "onnx", files, "apache-2.0", 256,
                dimension, prices, "admin", NOW);
    }

    static Model generation(Prices prices, Integer dimension) {
        return new Model(ModelId.of("tinyllama-1.1b-chat-q4"), ModelKind.TEXT_GENERATION, "gguf-java", "gguf", List.of(WEIGHTS),
                "apache-2.0", 2048, dimension, prices, "admin", NOW);
    }

    @Test
    void anEmbeddingModelWithWeightsTokenizerDimensionAndAPriceIsOffered() {
        Model model = embedding(List.of(WEIGHTS, TOKENIZER), 384, EMBEDDING_PRICES);

        assertTrue(model.offered());
        assertEquals(ModelStatus.OFFERED, model.status());
        assertEquals(Optional.of(384), model.embeddingDimension());
        assertEquals(List.of(WEIGHTS, TOKENIZER), model.files());
        assertEquals("0.0001", model.prices().perThousandInputTokens().orElseThrow().toCpc());
        assertEquals(Optional.of(TOKENIZER), model.file(TOKENIZER.sha256()));
        assertEquals(Optional.empty(), model.file(new Sha256("c".repeat(64))));
    }

    @Test
    void anEmbeddingModelNeedsItsTokenizerAndItsDimension() {
        assertEquals("invalid-files", refused(() -> embedding(List.of(WEIGHTS), 384, EMBEDDING_PRICES)).type());
        assertEquals("invalid-embedding-dimension", refused(() -> embedding(List.of(WEIGHTS, TOKENIZER), null, EMBEDDING_PRICES)).type());
        assertEquals(422, refused(() -> embedding(List.of(WEIGHTS, TOKENIZER), 0, EMBEDDING_PRICES)).status());
    }

    @Test
    void exactlyOneWeightsFileAndAtMostOneTokenizer() {
        assertEquals("invalid-files", refused(() -> embedding(List.of(TOKENIZER), 384, EMBEDDING_PRICES)).type());
        assertEquals("invalid-files", refused(() -> embedding(List.of(WEIGHTS, WEIGHTS, TOKENIZER), 384, EMBEDDING_PRICES)).type());
        assertEquals("invalid-files", refused(() -> embedding(List.of(WEIGHTS, TOKENIZER, TOKENIZER), 384, EMBEDDING_PRICES)).type());
    }

    @Test
    void textGenerationIsPricedPerInputAndPerGeneratedTokenAndHasNoEmbeddingDimension() {
        Model model = generation(GENERATION_PRICES, null);
        assertEquals("0.002", model.prices().perThousandOutputTokens().orElseThrow().toCpc());

        DomainException missing = refused(() -> generation(EMBEDDING_PRICES, null));
        assertEquals(422, missing.status());
        assertEquals("invalid-prices", missing.type());
        assertTrue(missing.detail().contains("per_1k_output_tokens"), missing.detail());
        assertEquals("invalid-embedding-dimension", refused(() -> generation(GENERATION_PRICES, 384)).type());
    }

    @Test
    void anEmbeddingModelIsNotPricedPerGeneratedTokenAndSomePriceIsPositive() {
        assertEquals("invalid-prices", refused(() -> embedding(List.of(WEIGHTS, TOKENIZER), 384, GENERATION_PRICES)).type());
        Prices free = new Prices(Optional.of(Amount.ZERO), Optional.empty(), Optional.of(Amount.ZERO));
        DomainException refused = refused(() -> embedding(List.of(WEIGHTS, TOKENIZER), 384, free));
        assertEquals("invalid-prices", refused.type());
        assertTrue(refused.detail().contains("positive"), refused.detail());
        Prices none = new Prices(Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals("invalid-prices", refused(() -> embedding(List.of(WEIGHTS, TOKENIZER), 384, none)).type());
        Prices perItem = new Prices(Optional.empty(), Optional.empty(), Optional.of(Amount.parseCpc("p", "0.00001")));
        assertTrue(embedding(List.of(WEIGHTS, TOKENIZER), 384, perItem).offered());
    }

    @Test
    void aNegativePriceIsRefused() {
        assertEquals("invalid-prices", refused(() -> new Prices(Optional.of(Amount.ofWei(-1)), Optional.empty(), Optional.empty())).type());
    }

    @Test
    void retiringKeepsTheModelButTakesItOffOfferOnce() {
        Model model = generation(GENERATION_PRICES, null);
        model.retire("admin", NOW.plusSeconds(60));

        assertFalse(model.offered());
        assertEquals(ModelStatus.RETIRED, model.status());
        assertEquals(Optional.of("admin"), model.retiredBy());
        assertEquals(Optional.of(NOW.plusSeconds(60)), model.retiredAt());
        assertEquals(List.of(WEIGHTS), model.files());
        DomainException again = refused(() -> model.retire("admin2", NOW.plusSeconds(120)));
        assertEquals(409, again.status());
        assertEquals("model-retired", again.type());
        assertEquals(Optional.of("admin"), model.retiredBy(), "the first retirement stands");
    }

    @Test
    void idsHashesKindsAndNamesAreChecked() {
        assertEquals("invalid-model-id", refused(() -> ModelId.of("All MiniLM")).type());
        assertEquals("invalid-model-id", refused(() -> ModelId.of("-x")).type());
        assertEquals("invalid-model-id", refused(() -> ModelId.of("x".repeat(65))).type());
        assertEquals("all-minilm-l6-v2", ModelId.of("all-minilm-l6-v2").value());
        assertEquals("invalid-sha256", refused(() -> Sha256.parse("abc")).type());
        assertEquals("a".repeat(64), Sha256.parse("A".repeat(64)).hex());
        DomainException kind = refused(() -> ModelKind.parse("classification"));
        assertEquals(422, kind.status());
        assertEquals("unknown-kind", kind.type());
        assertTrue(kind.detail().startsWith("kind must be one of embedding, text-generation"), kind.detail());
        assertEquals(ModelKind.TEXT_GENERATION, ModelKind.parse("text-generation"));
        assertEquals("invalid-engine", refused(() -> new Model(ModelId.of("m"), ModelKind.TEXT_GENERATION, "Bad Engine", "gguf",
                List.of(WEIGHTS), "mit", 2048, null, GENERATION_PRICES, "admin", NOW)).type());
    }

    static DomainException refused(Runnable action) {
        return assertThrows(DomainException.class, action::run);
    }
}
