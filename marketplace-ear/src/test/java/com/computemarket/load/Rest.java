package com.computemarket.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP side: real Keycloak tokens (password grant, renewed well before they expire) and JSON calls to the API.
 * HTTP/1.1 with keep-alive, one pooled connection per concurrent caller.
 */
final class Rest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Renew a token when it is older than this; the realm's access tokens live 300 s. */
    private static final long TOKEN_MAX_AGE_NANOS = Duration.ofSeconds(120).toNanos();

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    private record Token(String value, long fetchedAt) {
    }

    private final URI api;
    private final URI tokenEndpoint;
    private final HttpClient http;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Rest(URI api, String oidc, int threads) {
        this.api = api;
        this.tokenEndpoint = URI.create(oidc + "/protocol/openid-connect/token");
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(2, threads), daemon("http"));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpClient client() {
        return http;
    }

    /** A fresh enough access token of a demo user (password = user name). */
    String token(String user) {
        Token t = tokens.get(user);
        if (t == null || System.nanoTime() - t.fetchedAt() > TOKEN_MAX_AGE_NANOS) {
            synchronized (this) {
                t = tokens.get(user);
                if (t == null || System.nanoTime() - t.fetchedAt() > TOKEN_MAX_AGE_NANOS) {
                    t = new Token(fetchToken(user), System.nanoTime());
                    tokens.put(user, t);
                }
            }
        }
        return t.value();
    }

    private String fetchToken(String user) {
        String form = "grant_type=password&client_id=marketplace-cli&username=" + enc(user) + "&password=" + enc(user);
        Reply reply = send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (reply.status() != 200 || !reply.json().hasNonNull("access_token")) {
            throw new IllegalStateException("Keycloak gave no token for " + user + " at " + tokenEndpoint + ": " + reply);
        }
        return reply.json().get("access_token").asText();
    }

    Reply post(String user, String path, Object body) {
        return post(user, path, body instanceof String s ? s : write(body), Map.of());
    }

    Reply post(String user, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    Reply get(String user, String path) {
        return send(HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user)).GET());
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.build().uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        var counter = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
