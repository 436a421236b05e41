package com.computemarket.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every response and request body. Without a resolver, RESTEasy's JSON-B provider builds a
 * new {@code Jsonb} per message ({@code ManagedJsonb.getDelegate} → {@code JsonbBuilder.create()}: a ServiceLoader
 * lookup through the modules' jars) and so re-learns each record's annotations every time; in the load benchmark
 * that was about a fifth of WildFly's CPU samples (docs/benchmarks.md). Default configuration, so the JSON is the
 * same as before. {@code Jsonb} is thread-safe.
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
