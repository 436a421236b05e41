package com.computemarket.chain.protocol;

/**
 * One schema error, shaped like an entry of FastAPI's 422 {@code detail} list: the field
 * ({@code loc} without the leading "body"; empty for the body as a whole), pydantic's error
 * {@code type} (e.g. {@code int_from_float}, {@code missing}) and its {@code msg}.
 */
public record FieldError(String field, String type, String message) {

    @Override
    public String toString() {
        return (field.isEmpty() ? "body" : field) + ": " + message + " [" + type + "]";
    }
}
