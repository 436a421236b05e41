package com.computemarket.catalogue.domain;

import com.computemarket.shared.DomainException;
import java.util.regex.Pattern;

/** A model's id as the catalogue and customers name it: lower case, digits, '.', '_' and '-', such as "all-minilm-l6-v2". */
public record ModelId(String value) {

    public static final int MAX_LENGTH = 64;
    public static final String PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public ModelId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw DomainException.invalid("invalid-model-id", "a model id is 1 to " + MAX_LENGTH
                    + " characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit, such as \"all-minilm-l6-v2\"; got \""
                    + abbreviate(value) + "\"");
        }
    }

    public static ModelId of(String value) {
        return new ModelId(value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 70 ? text.substring(0, 70) + "…" : text;
    }
}
