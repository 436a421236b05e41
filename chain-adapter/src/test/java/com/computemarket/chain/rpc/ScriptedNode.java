package com.computemarket.chain.rpc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A stand-in node that answers each request with the next scripted step, to test how the client handles
 * answers a real node gives rarely (dropped connections, gateways, 422, a wrong hash). Records request bodies.
 */
final class ScriptedNode implements AutoCloseable {

    /** One scripted answer. */
    interface Step {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Deque<Step> steps = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();

    ScriptedNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized ScriptedNode then(Step step) {
        steps.add(step);
        return this;
    }

    ScriptedNode thenJson(int status, String body) {
        return then(exchange -> reply(exchange, status, body));
    }

    /** Reads the request, then drops the connection without an answer: the request may have been processed. */
    ScriptedNode thenDrop() {
        return then(exchange -> {
            throw new IOException("scripted connection drop");
        });
    }

    ScriptedNode thenStall(long millis, int status, String body) {
        return then(exchange -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, status, body);
        });
    }

    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    synchronized List<byte[]> bodies() {
        return List.copyOf(bodies);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Step step;
        synchronized (this) {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            if (exchange.getRequestMethod().equals("POST")) bodies.add(body);
            step = steps.poll();
        }
        if (step == null) {
            reply(exchange, 500, "{\"detail\":\"script exhausted\"}");
        } else {
            step.answer(exchange); // an IOException makes the server close the connection unanswered
        }
    }

    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
