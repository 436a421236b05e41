package com.computemarket.catalogue.api;

import com.computemarket.catalogue.application.ModelDetails;
import com.computemarket.shared.Amount;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;

/** A model as the API shows it; prices as decimal CPC strings, absent where the model is not priced that way. */
public record ModelView(
        String id,
        String kind,
        String engine,
        String format,
        List<FileView> files,
        String licence,
        @JsonbProperty("context_length") int contextLength,
        @JsonbProperty("embedding_dimension") Integer embeddingDimension,
        PricesView prices,
        String status,
        @JsonbProperty("added_at") Instant addedAt,
        @JsonbProperty("added_by") String addedBy,
        @JsonbProperty("retired_at") Instant retiredAt,
        @JsonbProperty("retired_by") String retiredBy) {

    public record FileView(String role, String sha256, long size) {
    }

    public record PricesView(@JsonbProperty("per_1k_input_tokens") String perThousandInputTokens,
                             @JsonbProperty("per_1k_output_tokens") String perThousandOutputTokens,
                             @JsonbProperty("per_item") String perItem) {
    }

    /** GET /api/models: {"models": [...]}. */
    public record Catalogue(List<ModelView> models) {
    }

    static ModelView of(ModelDetails d) {
        return new ModelView(d.id(), d.kind(), d.engine(), d.format(),
                d.files().stream().map(f -> new FileView(f.role(), f.sha256(), f.size())).toList(), d.licence(),
                d.contextLength(), d.embeddingDimension().orElse(null),
                new PricesView(d.pricePerThousandInputTokens().map(Amount::toCpc).orElse(null),
                        d.pricePerThousandOutputTokens().map(Amount::toCpc).orElse(null), d.pricePerItem().map(Amount::toCpc).orElse(null)),
                d.status(), d.addedAt(), d.addedBy(), d.retiredAt().orElse(null), d.retiredBy().orElse(null));
    }
}
