package com.computemarket.devnet;

import com.computemarket.chain.protocol.ChainJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;

/** A JSON answer: status code and body bytes. */
record HttpReply(int status, byte[] body) {

    static HttpReply json(int status, String json) {
        return new HttpReply(status, json.getBytes(StandardCharsets.UTF_8));
    }

    static HttpReply json(int status, JsonNode json) {
        try {
            return new HttpReply(status, ChainJson.mapper().writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON answer", e);
        }
    }

    static HttpReply ok(JsonNode json) {
        return json(200, json);
    }

    /** FastAPI's shape for an HTTPException: {@code {"detail":"..."}}. */
    static HttpReply detail(int status, String detail) {
        return json(status, ChainJson.mapper().createObjectNode().put("detail", detail));
    }

    /** Thrown by a route to answer with this reply instead of its normal result. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient HttpReply reply;

        Failure(HttpReply reply) {
            super("HTTP " + reply.status(), null, false, false);
            this.reply = reply;
        }

        HttpReply reply() {
            return reply;
        }
    }
}
