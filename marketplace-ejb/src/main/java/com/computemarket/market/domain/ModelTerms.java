package com.computemarket.market.domain;

import com.computemarket.shared.Amount;
import java.util.Optional;

/**
 * What the market needs to know of an offered model to check and price an inference task: its kind ("embedding",
 * "text-generation"), context length, embedding dimension and prices (as the catalogue offers them).
 */
public record ModelTerms(String id, String kind, int contextLength, Optional<Integer> embeddingDimension,
                         Optional<Amount> perThousandInputTokens, Optional<Amount> perThousandOutputTokens,
                         Optional<Amount> perItem) {

    public static final String EMBEDDING = "embedding";
    public static final String TEXT_GENERATION = "text-generation";

    public ModelTerms {
        embeddingDimension = embeddingDimension == null ? Optional.empty() : embeddingDimension;
        perThousandInputTokens = perThousandInputTokens == null ? Optional.empty() : perThousandInputTokens;
        perThousandOutputTokens = perThousandOutputTokens == null ? Optional.empty() : perThousandOutputTokens;
        perItem = perItem == null ? Optional.empty() : perItem;
    }

    public boolean embedding() {
        return EMBEDDING.equals(kind);
    }
}
