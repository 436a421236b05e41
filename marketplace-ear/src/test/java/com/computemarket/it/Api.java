package com.computemarket.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A black-box client of the deployed API with real Keycloak tokens per demo user (cached per test class). */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Tokens by user, taken again before the realm's 300 s access-token lifespan runs out (a slow test class may pass it). */
    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();
    private static final Duration TOKEN_REUSE = Duration.ofSeconds(200);

    private record Cached(String token, long takenNanos) {
        boolean fresh() {
            return System.nanoTime() - takenNanos < TOKEN_REUSE.toNanos();
        }
    }

    private final URI base;

    Api(URL base) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    }

    /** A user's token; the demo users' passwords equal their names. */
    static String token(String user) {
        return TOKENS.compute(user, (u, cached) -> {
            if (cached != null && cached.fresh()) {
                return cached;
            }
            try {
                return new Cached(Tokens.forUser(u, u), System.nanoTime());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }).token();
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return body == null || body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Reply get(String user, String path) {
        return send(user, path, "GET", null, Map.of());
    }

    Reply post(String user, String path, Object body) {
        return send(user, path, "POST", body, Map.of());
    }

    Reply post(String user, String path, Object body, Map<String, String> headers) {
        return send(user, path, "POST", body, headers);
    }

    Reply delete(String user, String path) {
        return send(user, path, "DELETE", null, Map.of());
    }

    /** {@code user} null: no token; a body that is a String is sent as is, anything else as JSON. */
    Reply send(String user, String path, String method, Object body, Map<String, String> headers) {
        return sendWithToken(user == null ? null : token(user), path, method, body, headers);
    }

    Reply sendWithToken(String token, String path, String method, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                    .timeout(Duration.ofSeconds(60));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
