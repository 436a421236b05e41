package com.computemarket.connector.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.connector.cli.CliException;
import com.computemarket.connector.cli.ExitCodes;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ModelPull} against an in-process catalogue that honours Range (206) and can cut a download short. */
class ModelPullTest {

    @TempDir
    Path dir;
    HttpServer server;
    byte[] weights = new byte[300_000];
    byte[] tokenizer = "{\"model\":\"tiny\"}".getBytes(StandardCharsets.UTF_8);
    String weightsSha;
    String tokenizerSha;
    /** What the server claims for the weights' sha (a wrong one to test the refusal). */
    String advertisedWeightsSha;
    volatile int cutAfter = -1;
    final List<String> ranges = new CopyOnWriteArrayList<>();
    final List<String> auth = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        new Random(7).nextBytes(weights);
        weightsSha = sha(weights);
        tokenizerSha = sha(tokenizer);
        advertisedWeightsSha = weightsSha;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/models", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        String path = ex.getRequestURI().getPath();
        if (path.equals("/api/models")) {
            json(ex, "{\"models\":[" + model() + "]}");
        } else if (path.equals("/api/models/tiny")) {
            json(ex, model());
        } else if (path.startsWith("/api/models/tiny/files/")) {
            String sha = path.substring(path.lastIndexOf('/') + 1);
            byte[] body = sha.equals(advertisedWeightsSha) ? weights : sha.equals(tokenizerSha) ? tokenizer : null;
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            String range = ex.getRequestHeaders().getFirst("Range");
            ranges.add(String.valueOf(range));
            int from = 0;
            int status = 200;
            if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
                from = Integer.parseInt(range.substring(6, range.length() - 1));
                status = 206;
                ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            }
            int length = body.length - from;
            if (cutAfter >= 0 && body == weights) {
                // announce the whole length, send part, then drop the connection
                int cut = cutAfter;
                cutAfter = -1; // once: closing a short fixed-length body throws out of this handler
                ex.sendResponseHeaders(status, length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body, from, Math.min(cut, length));
                    out.flush();
                }
                return;
            }
            ex.sendResponseHeaders(status, length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body, from, length);
            }
        } else {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        }
    }

    private String model() {
        return "{\"id\":\"tiny\",\"kind\":\"text-generation\",\"status\":\"active\",\"files\":["
                + "{\"role\":\"weights\",\"sha256\":\"" + advertisedWeightsSha + "\",\"size\":" + weights.length + "},"
                + "{\"role\":\"tokenizer\",\"sha256\":\"" + tokenizerSha + "\",\"size\":" + tokenizer.length + "}]}";
    }

    private static void json(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private ModelPull pull(ModelCache cache) {
        return new ModelPull(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                () -> "tok", cache);
    }

    @Test
    void pullsEveryFileChecksItAndRecordsTheModel() throws IOException {
        ModelCache cache = new ModelCache(dir.resolve("models"));
        List<String> log = new ArrayList<>();
        pull(cache).pull("tiny", log::add);
        assertArrayEquals(weights, Files.readAllBytes(cache.file(weightsSha)));
        assertArrayEquals(tokenizer, Files.readAllBytes(cache.file(tokenizerSha)));
        assertTrue(Files.isRegularFile(cache.descriptor("tiny")));
        assertFalse(Files.exists(cache.part(weightsSha)));
        assertEquals(List.of("tiny"), cache.models().stream().map(ModelCache.CachedModel::id).toList());
        assertEquals("text-generation", cache.model("tiny").orElseThrow().kind());
        assertTrue(auth.stream().allMatch("Bearer tok"::equals), auth.toString());
        assertTrue(ranges.stream().allMatch("null"::equals), "no Range on a fresh download: " + ranges);
        assertEquals("tiny", pull(cache).catalogue().path("models").get(0).path("id").asText());

        ranges.clear();
        pull(cache).pull("tiny", log::add); // again: nothing downloaded
        assertTrue(ranges.isEmpty(), ranges.toString());
    }

    @Test
    void aCutDownloadResumesWithRange() throws IOException {
        ModelCache cache = new ModelCache(dir);
        cutAfter = 100_000;
        assertThrows(RuntimeException.class, () -> pull(cache).pull("tiny", s -> { }));
        assertTrue(Files.isRegularFile(cache.part(weightsSha)), "the part is kept");
        long kept = Files.size(cache.part(weightsSha));
        assertTrue(kept > 0 && kept < weights.length, "kept " + kept);
        assertFalse(Files.exists(cache.descriptor("tiny")));
        assertTrue(cache.models().isEmpty());

        ranges.clear();
        pull(cache).pull("tiny", s -> { });
        assertEquals("bytes=" + kept + "-", ranges.get(0));
        assertArrayEquals(weights, Files.readAllBytes(cache.file(weightsSha)));
        assertFalse(Files.exists(cache.part(weightsSha)));
        assertEquals(1, cache.models().size());
    }

    @Test
    void aFileWhoseHashIsNotItsNameIsRefusedAndNothingKept() throws IOException {
        ModelCache cache = new ModelCache(dir);
        advertisedWeightsSha = "ab".repeat(32); // the server serves the real weights under another name
        CliException e = assertThrows(CliException.class, () -> pull(cache).pull("tiny", s -> { }));
        assertEquals(ExitCodes.CHECK_FAILED, e.exitCode());
        assertTrue(e.getMessage().contains("nothing kept"), e.getMessage());
        try (var files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.contains(advertisedWeightsSha), names.toString());
            assertFalse(names.contains(advertisedWeightsSha + ".part"), names.toString());
            assertFalse(names.contains("tiny.json"), names.toString());
        }
        assertTrue(cache.models().isEmpty());
    }

    @Test
    void anUnknownModelIsOneLineRefusal() {
        CliException e = assertThrows(CliException.class, () -> pull(new ModelCache(dir)).pull("nope", s -> { }));
        assertEquals(ExitCodes.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("404"), e.getMessage());
    }

    static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
