package com.computemarket.catalogue.domain;

import com.computemarket.shared.DomainException;

/** What a model's file is for: its weights, or the tokenizer an embedding model reads beside them (tokenizer.json). */
public enum FileRole {
    WEIGHTS("weights"), TOKENIZER("tokenizer");

    private final String wireName;

    FileRole(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static FileRole parse(String field, String text) {
        for (FileRole role : values()) {
            if (role.wireName.equals(text)) {
                return role;
            }
        }
        throw DomainException.unprocessable("invalid-files", field + " must be weights or tokenizer; got \"" + text + "\"");
    }
}
