package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.crypto.Hashes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box, with real Keycloak tokens: an admin uploads a model's files into the content-addressed store and
 * registers the model; customers see it in the catalogue; the operator of an enrolled worker pulls its weights whole
 * and resumed from an offset; nobody else may; a file whose content is not its hash is refused and not stored; a
 * retired model leaves the catalogue.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ModelCatalogueIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PROBLEM = "application/problem+json";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.marketplace();
    }

    @ArquillianResource
    URL base;

    @Test
    void anAdminAddsAModelCustomersSeeItAnEnrolledWorkerPullsItAndRetiringTakesItOffOffer() throws Exception {
        Api api = new Api(base);
        String id = "it-minilm-" + HexFormat.of().formatHex(bytes(4));
        byte[] weights = bytes(300_000);
        byte[] tokenizer = ("{\"model\":{\"type\":\"WordPiece\",\"run\":\"" + HexFormat.of().formatHex(bytes(16)) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        String weightsHash = sha256(weights);
        String tokenizerHash = sha256(tokenizer);
        String upload = "api/admin/models/" + id + "/files/";

        // upload: admins only; 201 the first time, 200 (nothing changed) after
        assertProblem(403, null, put("worker", upload + weightsHash, weights));
        assertProblem(403, null, put("customer", upload + weightsHash, weights));
        HttpResponse<String> stored = put("admin", upload + weightsHash, weights);
        assertEquals(201, stored.statusCode(), stored.body());
        assertEquals(weights.length, Api.JSON.readTree(stored.body()).get("size").asLong());
        HttpResponse<String> again = put("admin", upload + weightsHash, weights);
        assertEquals(200, again.statusCode(), again.body());
        assertFalse(Api.JSON.readTree(again.body()).get("created").asBoolean(), again.body());
        assertEquals(201, put("admin", upload + tokenizerHash, tokenizer).statusCode());

        // a body that is not what its URL says is refused, and nothing is stored under that name
        byte[] other = bytes(1000);
        String otherHash = sha256(other);
        HttpResponse<String> mismatch = put("admin", upload + otherHash, weights);
        assertProblem(422, "hash-mismatch", mismatch);
        assertTrue(mismatch.body().contains(weightsHash), mismatch.body());
        HttpResponse<String> notStored = api.post("admin", "api/admin/models", model(id, weightsHash, otherHash, "0.0001").toString())
                .raw();
        assertProblem(422, "file-not-stored", notStored);
        assertTrue(notStored.body().contains("files[1].sha256 " + otherHash), notStored.body());

        // registration: checked, then 201; the id is then taken
        ObjectNode unknownKind = model(id, weightsHash, tokenizerHash, "0.0001");
        unknownKind.put("kind", "classification");
        assertProblem(422, "unknown-kind", api.post("admin", "api/admin/models", unknownKind.toString()).raw());
        assertProblem(422, "invalid-prices", api.post("admin", "api/admin/models", model(id, weightsHash, tokenizerHash, "ten").toString()).raw());
        assertProblem(403, null, api.post("customer", "api/admin/models", model(id, weightsHash, tokenizerHash, "0.0001").toString()).raw());
        Api.Reply registered = api.post("admin", "api/admin/models", model(id, weightsHash, tokenizerHash, "0.0001").toString());
        assertEquals(201, registered.status(), registered.body());
        assertTrue(registered.header("Location").endsWith("/api/models/" + id), registered.raw().headers().toString());
        assertProblem(409, "model-exists", api.post("admin", "api/admin/models", model(id, weightsHash, tokenizerHash, "0.0002").toString()).raw());

        // every signed-in role sees it offered, with its files and prices
        for (String user : List.of("customer", "worker", "finance", "admin")) {
            Api.Reply list = api.get(user, "api/models");
            assertEquals(200, list.status(), list.body());
            JsonNode listed = find(list.json().get("models"), id);
            assertTrue(listed != null, user + " sees " + id + ": " + list.body());
            assertEquals("embedding", listed.get("kind").asText());
            assertEquals("onnxruntime", listed.get("engine").asText());
            assertEquals("onnx", listed.get("format").asText());
            assertEquals("0.0001", listed.get("prices").get("per_1k_input_tokens").asText());
            assertEquals("0.00001", listed.get("prices").get("per_item").asText());
            assertEquals(384, listed.get("embedding_dimension").asInt());
            assertEquals(256, listed.get("context_length").asInt());
            assertEquals("offered", listed.get("status").asText());
            assertEquals("weights", listed.get("files").get(0).get("role").asText());
            assertEquals(weightsHash, listed.get("files").get(0).get("sha256").asText());
            assertEquals(weights.length, listed.get("files").get(0).get("size").asLong());
            assertEquals(tokenizerHash, listed.get("files").get(1).get("sha256").asText());
        }
        assertEquals("admin", api.get("customer", "api/models/" + id).json().get("added_by").asText());

        // the operator of an enrolled worker pulls the weights whole, then resumes from an offset
        enrolAWorkerOf(api);
        String file = "api/models/" + id + "/files/" + weightsHash;
        HttpResponse<byte[]> whole = download("worker", file, Map.of());
        assertEquals(200, whole.statusCode());
        assertArrayEquals(weights, whole.body());
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals("\"" + weightsHash + "\"", whole.headers().firstValue("ETag").orElse(""));
        assertEquals(String.valueOf(weights.length), whole.headers().firstValue("Content-Length").orElse(""));

        int offset = 123_457;
        HttpResponse<byte[]> rest = download("worker", file, Map.of("Range", "bytes=" + offset + "-", "If-Range", "\"" + weightsHash + "\""));
        assertEquals(206, rest.statusCode());
        assertEquals("bytes " + offset + "-" + (weights.length - 1) + "/" + weights.length, rest.headers().firstValue("Content-Range").orElse(""));
        byte[] resumed = new byte[weights.length];
        System.arraycopy(weights, 0, resumed, 0, offset);   // what the interrupted pull had
        System.arraycopy(rest.body(), 0, resumed, offset, rest.body().length);
        assertEquals(weights.length - offset, rest.body().length);
        assertEquals(weightsHash, sha256(resumed));
        HttpResponse<byte[]> middle = download("worker", file, Map.of("Range", "bytes=10-19"));
        assertEquals(206, middle.statusCode());
        assertArrayEquals(Arrays.copyOfRange(weights, 10, 20), middle.body());
        HttpResponse<byte[]> past = download("worker", file, Map.of("Range", "bytes=" + weights.length + "-"));
        assertEquals(416, past.statusCode());
        assertEquals("bytes */" + weights.length, past.headers().firstValue("Content-Range").orElse(""));
        assertEquals(tokenizerHash, sha256(download("worker", "api/models/" + id + "/files/" + tokenizerHash, Map.of()).body()));

        // customers, admins and operators without an enrolled, active worker may not
        assertEquals(403, download("customer", file, Map.of()).statusCode());
        assertEquals(403, download("admin", file, Map.of()).statusCode());
        withoutActiveWorkers(api, "worker2", () -> {
            HttpResponse<byte[]> refused = download("worker2", file, Map.of());
            assertEquals(403, refused.statusCode());
            assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("worker-not-enrolled"));
        });
        assertEquals(404, download("worker", "api/models/" + id + "/files/" + otherHash, Map.of()).statusCode());

        // retiring takes it off offer; it stays readable by id, and retiring twice is a conflict
        assertProblem(403, null, api.post("customer", "api/admin/models/" + id + "/retire", null).raw());
        Api.Reply retired = api.post("admin", "api/admin/models/" + id + "/retire", null);
        assertEquals(200, retired.status(), retired.body());
        assertEquals("retired", retired.json().get("status").asText());
        assertEquals("admin", retired.json().get("retired_by").asText());
        assertEquals(null, find(api.get("customer", "api/models").json().get("models"), id));
        assertEquals("retired", api.get("customer", "api/models/" + id).json().get("status").asText());
        assertProblem(409, "model-retired", api.post("admin", "api/admin/models/" + id + "/retire", null).raw());
        assertEquals(409, download("worker", file, Map.of()).statusCode());
        assertProblem(404, "model-not-found", api.get("customer", "api/models/no-such-" + id).raw());
    }

    private static ObjectNode model(String id, String weights, String tokenizer, String perThousandInput) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("id", id);
        body.put("kind", "embedding");
        body.put("engine", "onnxruntime");
        body.put("format", "onnx");
        body.putArray("files").add(file("weights", weights)).add(file("tokenizer", tokenizer));
        body.put("licence", "apache-2.0");
        body.put("context_length", 256);
        body.put("embedding_dimension", 384);
        body.putObject("prices").put("per_1k_input_tokens", perThousandInput).put("per_item", "0.00001");
        return body;
    }

    private static ObjectNode file(String role, String sha256) {
        return Api.JSON.createObjectNode().put("role", role).put("sha256", sha256);
    }

    private static JsonNode find(JsonNode models, String id) {
        for (JsonNode model : models) {
            if (model.get("id").asText().equals(id)) {
                return model;
            }
        }
        return null;
    }

    /** The demo operator "worker" enrols a fresh worker, proving its address as worker-connector does. */
    private static void enrolAWorkerOf(Api api) {
        ChainKey key = ChainKey.generate(RANDOM);
        Api.Reply challenge = api.post("worker", "api/workers/enrolment-challenges", "{\"address\":\"" + key.address() + "\"}");
        assertEquals(201, challenge.status(), challenge.body());
        String message = challenge.json().get("message").asText();
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("address", key.address());
        body.put("public_key", key.publicKeyHex());
        body.put("signature", HexFormat.of().formatHex(key.sign(Hashes.sha256(message.getBytes(StandardCharsets.UTF_8)))));
        body.put("nonce", challenge.json().get("nonce").asText());
        body.putArray("gpus");
        body.putArray("challenge_types").add("inference");
        Api.Reply enrolled = api.post("worker", "api/workers", body.toString());
        assertEquals(201, enrolled.status(), enrolled.body());
    }

    /**
     * Runs {@code check} while {@code operator} has no active worker: workers that earlier tests (on a database that
     * outlives the run) enrolled for it are suspended meanwhile and resumed after.
     */
    private static void withoutActiveWorkers(Api api, String operator, Check check) throws Exception {
        List<String> suspended = new ArrayList<>();
        try {
            for (int offset = 0; ; offset += 500) {
                JsonNode page = api.get("admin", "api/workers?limit=500&offset=" + offset).json();
                for (JsonNode worker : page.get("workers")) {
                    if (worker.get("operator").asText().equals(operator) && worker.get("status").asText().equals("ACTIVE")) {
                        String id = worker.get("id").asText();
                        Api.Reply reply = api.post("admin", "api/admin/workers/" + id + "/suspension",
                                "{\"reason\":\"ModelCatalogueIT: an operator without an active worker\"}");
                        assertEquals(200, reply.status(), reply.body());
                        suspended.add(id);
                    }
                }
                if (page.get("workers").size() < 500) {
                    break;
                }
            }
            check.run();
        } finally {
            for (String id : suspended) {
                api.delete("admin", "api/admin/workers/" + id + "/suspension");
            }
        }
    }

    interface Check {
        void run() throws Exception;
    }

    private HttpResponse<String> put(String user, String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + Api.token(user))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> download(String user, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + Api.token(user)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create(base.toString().endsWith("/") ? base.toString() : base + "/").resolve(path);
    }

    private static void assertProblem(int status, String type, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""), response.body());
        if (type != null) {
            assertTrue(response.body().contains("\"type\":\"https://computemarket.dev/problems/" + type + "\""), response.body());
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
