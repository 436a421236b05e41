package com.computemarket.market.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the JSON the market wrote itself (job payloads, stored outputs). */
final class JobPayloadJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JobPayloadJson() {
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse: " + e.getOriginalMessage(), e);
        }
    }
}
