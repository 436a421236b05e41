package com.computemarket.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The node answered 422: FastAPI rejected the request's shape before the node looked at it.
 * {@link #detail()} is FastAPI's {@code detail} as sent (usually a list of {@code {type, loc, msg}}).
 */
public class InvalidRequestException extends ChainRpcException {

    private static final long serialVersionUID = 1L;

    private final transient JsonNode detail;

    public InvalidRequestException(String message, JsonNode detail) {
        super(message, 422);
        this.detail = detail;
    }

    public JsonNode detail() {
        return detail;
    }
}
