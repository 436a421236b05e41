package com.computemarket.chain.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The payload text inside a transaction hash: Python's
 * {@code json.dumps(x, sort_keys=True, separators=(",",":"), ensure_ascii=True)} of the value
 * {@code json.loads} gives for the same text. Keys sort by code point; non-ASCII is written as
 * lowercase {@code \\uXXXX} (surrogate pairs for astral characters); integer nodes keep every digit;
 * floating-point nodes use Python's {@code repr}; NaN and infinities are written {@code NaN},
 * {@code Infinity}, {@code -Infinity}. Parse the client's text with {@link ChainJson} so the
 * int/float distinction survives.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String write(JsonNode node) {
        return JsonText.CANONICAL.write(node);
    }

    /** Parse with {@link ChainJson#parse(String)} then {@link #write(JsonNode)}. */
    public static String canonicalise(String json) {
        return write(ChainJson.parse(json));
    }
}
