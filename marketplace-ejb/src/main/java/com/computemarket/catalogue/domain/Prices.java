package com.computemarket.catalogue.domain;

import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a customer pays for a model's work: per 1,000 input tokens, per 1,000 generated tokens, per item (one
 * embedded text, one request). Each is optional; which ones a model needs depends on its kind ({@link #requireFor}).
 */
public record Prices(Optional<Amount> perThousandInputTokens, Optional<Amount> perThousandOutputTokens, Optional<Amount> perItem) {

    public Prices {
        perThousandInputTokens = perThousandInputTokens == null ? Optional.empty() : perThousandInputTokens;
        perThousandOutputTokens = perThousandOutputTokens == null ? Optional.empty() : perThousandOutputTokens;
        perItem = perItem == null ? Optional.empty() : perItem;
        Stream.of(perThousandInputTokens, perThousandOutputTokens, perItem).flatMap(Optional::stream).forEach(price -> {
            if (price.isNegative()) {
                throw invalid("prices must not be negative; got " + price);
            }
        });
    }

    /**
     * 422 invalid-prices unless the prices fit the kind: text generation is priced per 1,000 input and per 1,000
     * generated tokens (a per-item fee may come on top); an embedding model per 1,000 input tokens or per item, and
     * never per generated token. At least one price is positive: work for nothing pays no worker.
     */
    public Prices requireFor(ModelKind kind) {
        switch (kind) {
            case TEXT_GENERATION -> {
                if (perThousandInputTokens.isEmpty() || perThousandOutputTokens.isEmpty()) {
                    throw invalid("a text-generation model needs prices.per_1k_input_tokens and prices.per_1k_output_tokens");
                }
            }
            case EMBEDDING -> {
                if (perThousandOutputTokens.isPresent()) {
                    throw invalid("an embedding model generates no tokens: prices.per_1k_output_tokens must be absent");
                }
                if (perThousandInputTokens.isEmpty() && perItem.isEmpty()) {
                    throw invalid("an embedding model needs prices.per_1k_input_tokens or prices.per_item");
                }
            }
        }
        if (Stream.of(perThousandInputTokens, perThousandOutputTokens, perItem).flatMap(Optional::stream).noneMatch(Amount::isPositive)) {
            throw invalid("at least one price must be positive");
        }
        return this;
    }

    static DomainException invalid(String detail) {
        return DomainException.unprocessable("invalid-prices", detail);
    }
}
