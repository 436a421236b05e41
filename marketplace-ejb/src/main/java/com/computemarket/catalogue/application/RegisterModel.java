package com.computemarket.catalogue.application;

import java.util.List;

/**
 * A model as an admin registers it: prices as decimal CPC strings (null: no such price), each file by role and
 * SHA-256 (its size is taken from the store; a size given must match it).
 */
public record RegisterModel(String id, String kind, String engine, String format, List<FileRef> files, String licence,
                            int contextLength, Integer embeddingDimension, String pricePerThousandInputTokens,
                            String pricePerThousandOutputTokens, String pricePerItem) {

    public RegisterModel {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public record FileRef(String role, String sha256, Long size) {
    }
}
