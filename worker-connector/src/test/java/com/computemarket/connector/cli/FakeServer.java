package com.computemarket.connector.cli;

import com.computemarket.chain.crypto.Hashes;
import com.computemarket.chain.crypto.Signatures;
import com.computemarket.connector.net.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/** An in-process HTTP server that plays Keycloak (device, password, refresh grants) and the marketplace's enrolment API. */
final class FakeServer implements AutoCloseable {

    record Answer(int status, String body) {
    }

    final HttpServer http;
    /** Answers to device-code polls, in order; when empty, a token. */
    final ConcurrentLinkedDeque<Answer> devicePolls = new ConcurrentLinkedDeque<>();
    final List<Map<String, String>> tokenRequests = Collections.synchronizedList(new ArrayList<>());
    final List<JsonNode> enrolments = Collections.synchronizedList(new ArrayList<>());
    volatile int tokenLifetime = 300;
    volatile Answer enrolmentOverride;
    private int issued;

    FakeServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/realms/computemarket/protocol/openid-connect/auth/device", ex -> reply(ex, 200,
                "{\"device_code\":\"dc-1\",\"user_code\":\"ABCD-EFGH\",\"verification_uri\":\"" + issuer() + "/device\","
                        + "\"verification_uri_complete\":\"" + issuer() + "/device?user_code=ABCD-EFGH\",\"expires_in\":600,\"interval\":5}"));
        http.createContext("/realms/computemarket/protocol/openid-connect/token", this::token);
        http.createContext("/api/workers/enrolment-challenges", ex -> {
            String nonce = "ab".repeat(32);
            String address = Json.parseLenient(body(ex)).path("address").asText();
            reply(ex, 201, Json.write(Map.of("nonce", nonce, "expires_at", "2099-01-01T00:00:00Z",
                    "message", message(address, nonce))));
        });
        http.createContext("/api/workers", this::enrol);
        http.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/realms/computemarket";
    }

    String server() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    static String message(String address, String nonce) {
        return "ComputeMarket worker enrolment\noperator: sub-worker\naddress: " + address + "\nnonce: " + nonce;
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> form = form(body(ex));
        tokenRequests.add(form);
        switch (form.getOrDefault("grant_type", "")) {
            case "urn:ietf:params:oauth:grant-type:device_code" -> {
                Answer next = devicePolls.poll();
                if (next != null) {
                    reply(ex, next.status(), next.body());
                } else {
                    reply(ex, 200, tokenJson());
                }
            }
            case "password" -> {
                if ("worker".equals(form.get("username")) && "worker".equals(form.get("password"))) {
                    reply(ex, 200, tokenJson());
                } else {
                    reply(ex, 401, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}");
                }
            }
            case "refresh_token" -> reply(ex, 200, tokenJson());
            default -> reply(ex, 400, "{\"error\":\"unsupported_grant_type\"}");
        }
    }

    private synchronized String tokenJson() {
        issued++;
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"preferred_username\":\"worker\",\"sub\":\"sub-worker\"}".getBytes(StandardCharsets.UTF_8));
        return Json.write(Map.of("access_token", "h." + claims + ".access-" + issued, "expires_in", tokenLifetime,
                "refresh_token", "refresh-" + issued, "refresh_expires_in", 1800, "token_type", "Bearer"));
    }

    private void enrol(HttpExchange ex) throws IOException {
        JsonNode body = Json.parseLenient(body(ex));
        if (!ex.getRequestHeaders().getFirst("Authorization").startsWith("Bearer h.")) {
            reply(ex, 401, "");
            return;
        }
        Answer override = enrolmentOverride;
        if (override != null) {
            ex.getResponseHeaders().add("Content-Type", "application/problem+json");
            reply(ex, override.status(), override.body());
            return;
        }
        enrolments.add(body);
        String message = message(body.path("address").asText(), body.path("nonce").asText());
        boolean ok = Signatures.verify(HexFormat.of().formatHex(Hashes.sha256(message.getBytes(StandardCharsets.UTF_8))),
                body.path("public_key").asText(), body.path("signature").asText());
        if (!ok) {
            reply(ex, 422, "{\"type\":\"https://computemarket.dev/problems/signature-invalid\",\"status\":422,"
                    + "\"detail\":\"the signature does not verify\"}");
            return;
        }
        reply(ex, 201, "{\"id\":\"7d3f1c2e-0000-4000-8000-000000000001\",\"status\":\"ACTIVE\"}");
    }

    private static String body(HttpExchange ex) throws IOException {
        return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!ex.getResponseHeaders().containsKey("Content-Type")) {
            ex.getResponseHeaders().add("Content-Type", "application/json");
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
