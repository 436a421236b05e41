package com.computemarket.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * A tiny embedding model in the catalogue, registered over the API as an admin does (two small random files, then
 * the model, priced per item), for tests whose tasks must name an offered model; and outputs that fit its jobs.
 */
final class TinyModel {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int DIMENSION = 384;

    private TinyModel() {
    }

    /** The server's root, in the container its own offset, on the client side the one the ITs were given. */
    static URI root() {
        int port = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", Integer.getInteger("cm.it.port.offset", 0));
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Registers a fresh embedding model priced {@code perItem} CPC per input on the server of {@link #root}; answers its id. */
    static String register(String perItem) throws Exception {
        return register(path -> root().resolve("api" + path), perItem);
    }

    /** As above, on the server whose API path ("/admin/models") {@code api} resolves. */
    static String register(Function<String, URI> api, String perItem) throws Exception {
        String id = "it-tiny-" + HexFormat.of().formatHex(bytes(4));
        byte[] weights = bytes(2048);
        byte[] tokenizer = bytes(256);
        String token = Tokens.forUser("admin", "admin");
        for (byte[] file : List.of(weights, tokenizer)) {
            HttpResponse<String> stored = HTTP.send(HttpRequest.newBuilder(api.apply("/admin/models/" + id + "/files/" + sha256(file)))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
            check(stored.statusCode() == 201 || stored.statusCode() == 200, stored);
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("id", id);
        body.put("kind", "embedding");
        body.put("engine", "onnxruntime");
        body.put("format", "onnx");
        body.putArray("files").add(JSON.createObjectNode().put("role", "weights").put("sha256", sha256(weights)))
                .add(JSON.createObjectNode().put("role", "tokenizer").put("sha256", sha256(tokenizer)));
        body.put("licence", "apache-2.0");
        body.put("context_length", 256);
        body.put("embedding_dimension", DIMENSION);
        body.putObject("prices").put("per_item", perItem);
        HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(api.apply("/admin/models"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        check(registered.statusCode() == 201, registered);
        return id;
    }

    /** {"challenge_type":"inference","payload":{"model_id","inputs":[n texts]}} with an optional reward. */
    static String task(String model, int inputs, String reward) {
        ObjectNode body = JSON.createObjectNode();
        body.put("challenge_type", "inference");
        ObjectNode payload = body.putObject("payload");
        payload.put("model_id", model);
        ArrayNode texts = payload.putArray("inputs");
        for (int i = 0; i < inputs; i++) {
            texts.add("sentence number " + i);
        }
        if (reward != null) {
            body.put("reward", reward);
        }
        return body.toString();
    }

    /** An output that fits an embedding job of {@code inputs} inputs: that many zero vectors. */
    static JsonNode output(int inputs) {
        ObjectNode output = JSON.createObjectNode();
        output.put("kind", "embedding");
        ArrayNode vectors = output.putArray("vectors");
        String zero = Base64.getEncoder().encodeToString(new byte[4 * DIMENSION]);
        for (int i = 0; i < inputs; i++) {
            vectors.add(zero);
        }
        output.putArray("truncated");
        return output;
    }

    private static void check(boolean ok, HttpResponse<String> response) {
        if (!ok) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + " " + response.body());
        }
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
