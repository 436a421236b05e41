package com.computemarket.chain.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration for chain JSON, reading text as Python's {@code json.loads} does:
 * <ul>
 * <li>integers of any size become {@code BigInteger} nodes (amounts exceed 2^64);</li>
 * <li>numbers with a '.' or an exponent become {@code double} nodes. That is what Python makes of
 * them, and the only type that keeps {@code -0.0}; a {@code BigDecimal} would lose it and would hold
 * digits Python drops ({@code 12345678901234567.0} hashes as {@code 1.2345678901234568e+16});</li>
 * <li>{@code NaN}, {@code Infinity}, {@code -Infinity} are accepted;</li>
 * <li>a duplicated key keeps its last value (at the position of its first occurrence, as a dict does);</li>
 * <li>trailing content after the value is an error; numbers are limited to 4300 digits (CPython's int limit).</li>
 * </ul>
 * The mapper ignores unknown properties when binding to classes, because the node may add fields.
 */
public final class ChainJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(4300).build())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ChainJson() {
    }

    /** Shared and thread-safe; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses one JSON value; malformed text gives a {@link ChainFormatException} saying where and what. */
    public static JsonNode parse(String json) {
        if (json == null) {
            throw new ChainFormatException("malformed JSON: no text (null)");
        }
        String bad = PythonJsonGrammar.firstNonPythonToken(json);
        if (bad != null) {
            throw new ChainFormatException("malformed JSON: " + bad);
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new ChainFormatException("malformed JSON: no value (empty text)");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ChainFormatException("malformed JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }
}
