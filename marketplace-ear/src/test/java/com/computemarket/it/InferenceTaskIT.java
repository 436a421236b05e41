package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box: an admin registers a tiny embedding model priced per item; a customer's embedding task holds exactly
 * inputs × that price, split into jobs of at most 64 inputs each carrying its share; a reward below the price, a
 * retired model and the types no worker runs are refused with nothing held.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InferenceTaskIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PER_ITEM = "0.001";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.marketplace();
    }

    @ArquillianResource
    URL base;

    Api api() {
        return new Api(base);
    }

    @AfterEach
    void ledgerInvariantsHold() {
        Invariants.assertHold(api());
    }

    @Test
    void anEmbeddingTaskHoldsInputsTimesThePerItemPriceSplitIntoJobsOf64() throws Exception {
        String model = registerTinyEmbeddingModel();
        fund("100.0");
        BigDecimal available = balance("available");
        BigDecimal escrow = balance("escrow");

        Api.Reply created = api().post("customer", "api/tasks", embeddingTask(model, 130, null).toString());
        assertEquals(201, created.status(), created.toString());

        BigDecimal price = new BigDecimal(PER_ITEM).multiply(BigDecimal.valueOf(130));
        assertEquals(0, available.subtract(price).compareTo(balance("available")), "held inputs × per-item price");
        assertEquals(0, escrow.add(price).compareTo(balance("escrow")));
        JsonNode task = api().get("customer", "api/tasks/" + created.json().get("task_id").asText()).json();
        assertEquals(0, price.compareTo(new BigDecimal(task.get("reward").asText())), task.toString());
        JsonNode jobs = task.get("jobs");
        assertEquals(3, jobs.size(), "130 inputs: 64 + 64 + 2");
        List<String> shares = List.of("0.064", "0.064", "0.002");
        for (int i = 0; i < 3; i++) {
            assertEquals(0, new BigDecimal(shares.get(i)).compareTo(new BigDecimal(jobs.get(i).get("reward").asText())), jobs.toString());
        }
        assertEquals(404, api().get("customer", "api/tasks/" + task.get("task_id").asText() + "/result").status(),
                "nothing verified yet");
    }

    @Test
    void aRewardBelowThePriceAndAModelNotOfferedAreRefusedHoldingNothing() throws Exception {
        String model = registerTinyEmbeddingModel();
        fund("10.0");
        BigDecimal available = balance("available");

        Api.Reply low = api().post("customer", "api/tasks", embeddingTask(model, 10, "0.001").toString());
        TaskMarketIT.assertProblem(low, 422, "reward-too-low");
        assertTrue(low.json().get("detail").asText().contains("0.01"), low.toString());

        Api.Reply retired = api().post("admin", "api/admin/models/" + model + "/retire", null);
        assertEquals(200, retired.status(), retired.toString());
        Api.Reply unknown = api().post("customer", "api/tasks", embeddingTask(model, 1, null).toString());
        TaskMarketIT.assertProblem(unknown, 422, "model-not-offered");
        assertTrue(unknown.json().get("detail").asText().contains("payload.model_id"), unknown.toString());
        assertEquals(0, available.compareTo(balance("available")));
    }

    @Test
    void trainingRenderingAndSimulationAre422AndHoldNothing() {
        fund("10.0");
        BigDecimal available = balance("available");
        BigDecimal escrow = balance("escrow");
        for (String body : List.of(
                "{\"challenge_type\":\"training\",\"payload\":{\"model_architecture\":\"resnet50\",\"dataset_url\":\"https://x/d\",\"epochs\":1,\"batch_size\":8},\"reward\":\"1\"}",
                "{\"challenge_type\":\"rendering\",\"payload\":{\"scene_file\":\"https://x/s.blend\",\"resolution\":\"1920x1080\",\"frames\":24},\"reward\":\"1\"}",
                "{\"challenge_type\":\"simulation\",\"payload\":{},\"reward\":\"1\"}")) {
            Api.Reply reply = api().post("customer", "api/tasks", body);
            TaskMarketIT.assertProblem(reply, 422, "challenge-type-not-runnable");
            assertTrue(reply.json().get("detail").asText().contains("synthetic, inference"), reply.toString());
        }
        assertEquals(0, available.compareTo(balance("available")));
        assertEquals(0, escrow.compareTo(balance("escrow")));
    }

    static ObjectNode embeddingTask(String model, int inputs, String reward) {
        ObjectNode body = Api.JSON.createObjectNode();
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
        return body;
    }

    /** Uploads two small files as admin and registers an embedding model priced per item; answers its id. */
    private String registerTinyEmbeddingModel() throws Exception {
        String id = "it-tiny-" + HexFormat.of().formatHex(bytes(4));
        byte[] weights = bytes(2048);
        byte[] tokenizer = bytes(256);
        for (byte[] file : List.of(weights, tokenizer)) {
            HttpResponse<String> stored = HTTP.send(HttpRequest.newBuilder(uri("api/admin/models/" + id + "/files/" + sha256(file)))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + Api.token("admin"))
                    .header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(stored.statusCode() == 201 || stored.statusCode() == 200, stored.body());
        }
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("id", id);
        body.put("kind", "embedding");
        body.put("engine", "onnxruntime");
        body.put("format", "onnx");
        body.putArray("files").add(Api.JSON.createObjectNode().put("role", "weights").put("sha256", sha256(weights)))
                .add(Api.JSON.createObjectNode().put("role", "tokenizer").put("sha256", sha256(tokenizer)));
        body.put("licence", "apache-2.0");
        body.put("context_length", 256);
        body.put("embedding_dimension", 384);
        body.putObject("prices").put("per_item", PER_ITEM);
        Api.Reply registered = api().post("admin", "api/admin/models", body.toString());
        assertEquals(201, registered.status(), registered.body());
        return id;
    }

    private void fund(String amount) {
        Api.Reply credit = api().post("admin", "api/admin/credits",
                Map.of("organization", "acme", "amount", amount, "reason", "InferenceTaskIT funding"));
        assertEquals(201, credit.status(), credit.toString());
    }

    private BigDecimal balance(String field) {
        Api.Reply reply = api().get("customer", "api/organizations/acme/balance");
        assertEquals(200, reply.status(), reply.toString());
        return new BigDecimal(reply.json().get(field).asText());
    }

    private URI uri(String path) {
        return URI.create(base.toString().endsWith("/") ? base.toString() : base + "/").resolve(path);
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
