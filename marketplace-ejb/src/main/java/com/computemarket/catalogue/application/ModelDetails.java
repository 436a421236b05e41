package com.computemarket.catalogue.application;

import com.computemarket.catalogue.domain.Model;
import com.computemarket.catalogue.domain.ModelFile;
import com.computemarket.shared.Amount;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A model as every signed-in user may read it: kind, engine, format, files, licence, limits, prices, status. */
public record ModelDetails(String id, String kind, String engine, String format, List<FileDetails> files, String licence,
                           int contextLength, Optional<Integer> embeddingDimension, Optional<Amount> pricePerThousandInputTokens,
                           Optional<Amount> pricePerThousandOutputTokens, Optional<Amount> pricePerItem, String status,
                           Instant addedAt, String addedBy, Optional<Instant> retiredAt, Optional<String> retiredBy) {

    /** One file: role (weights, tokenizer), SHA-256 and size in bytes. */
    public record FileDetails(String role, String sha256, long size) {
        static FileDetails of(ModelFile f) {
            return new FileDetails(f.role().wireName(), f.sha256().hex(), f.size());
        }
    }

    static ModelDetails of(Model m) {
        return new ModelDetails(m.id().value(), m.kind().wireName(), m.engine(), m.format(),
                m.files().stream().map(FileDetails::of).toList(), m.licence(), m.contextLength(), m.embeddingDimension(),
                m.prices().perThousandInputTokens(), m.prices().perThousandOutputTokens(), m.prices().perItem(),
                m.status().name().toLowerCase(Locale.ROOT), m.addedAt(), m.addedBy(), m.retiredAt(), m.retiredBy());
    }
}
