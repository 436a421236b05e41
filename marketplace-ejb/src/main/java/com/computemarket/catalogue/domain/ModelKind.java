package com.computemarket.catalogue.domain;

import com.computemarket.shared.DomainException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a model does, which decides the prices and files it needs. Wire names: "embedding", "text-generation". */
public enum ModelKind {
    EMBEDDING("embedding"), TEXT_GENERATION("text-generation");

    private final String wireName;

    ModelKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** 422 unknown-kind naming the field when {@code text} is none of the wire names. */
    public static ModelKind parse(String text) {
        for (ModelKind kind : values()) {
            if (kind.wireName.equals(text)) {
                return kind;
            }
        }
        throw DomainException.unprocessable("unknown-kind", "kind must be one of " + validNames() + "; got \"" + text + "\"");
    }

    public static String validNames() {
        return Arrays.stream(values()).map(ModelKind::wireName).collect(Collectors.joining(", "));
    }
}
