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
        ObjectNode prices = JSON.createObjectNode().put("per_item", perItem);
        return register(api, "embedding", prices);
    }

    /** A text-generation model (context 512) with these prices per 1,000 input and generated tokens; answers its id. */
    static String registerText(String perThousandInput, String perThousandOutput) throws Exception {
        ObjectNode prices = JSON.createObjectNode().put("per_1k_input_tokens", perThousandInput)
                .put("per_1k_output_tokens", perThousandOutput);
        return register(path -> root().resolve("api" + path), "text-generation", prices);
    }

    private static String register(Function<String, URI> api, String kind, ObjectNode prices) throws Exception {
        boolean embedding = "embedding".equals(kind);
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
        body.put("kind", kind);
        body.put("engine", embedding ? "onnxruntime" : "gguf-java");
        body.put("format", embedding ? "onnx" : "gguf");
        body.putArray("files").add(JSON.createObjectNode().put("role", "weights").put("sha256", sha256(weights)))
                .add(JSON.createObjectNode().put("role", "tokenizer").put("sha256", sha256(tokenizer)));
        body.put("licence", "apache-2.0");
        body.put("context_length", embedding ? 256 : 512);
        if (embedding) {
            body.put("embedding_dimension", DIMENSION);
        }
        body.set("prices", prices);
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

    /** A text output of {@code tokens} tokens that stopped at EOS. */
    static JsonNode textOutput(int tokens) {
        ObjectNode output = JSON.createObjectNode();
        output.put("kind", "text");
        output.put("text", "x".repeat(tokens));
        ArrayNode ids = output.putArray("tokens");
        ArrayNode logprobs = output.putArray("logprobs");
        for (int i = 0; i < tokens; i++) {
            ids.add(120);
            logprobs.add(-0.5);
        }
        output.put("finish_reason", "eos");
        return output;
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
