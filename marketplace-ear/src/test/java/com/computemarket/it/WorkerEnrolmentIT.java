package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.crypto.Hashes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black-box: a worker operator enrols a worker by signing the server's nonce with the worker's chain key
 * (docs/protocol/worker-enrolment.md), with real Keycloak tokens; who may see and suspend it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkerEnrolmentIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PROBLEM = "application/problem+json";

    private static String worker;
    private static String customer;
    private static String finance;
    private static String admin;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.marketplace();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void tokens() throws Exception {
        worker = Tokens.forUser("worker", "worker");
        customer = Tokens.forUser("customer", "customer");
        finance = Tokens.forUser("finance", "finance");
        admin = Tokens.forUser("admin", "admin");
    }

    @Test
    void aWorkerEnrolsWithASignedNonceAndSeesItsWorker() throws Exception {
        ChainKey key = ChainKey.generate(RANDOM);
        HttpResponse<String> challenge = call("POST", "api/workers/enrolment-challenges", worker, "{\"address\":\"" + key.address() + "\"}");
        assertEquals(201, challenge.statusCode(), challenge.body());
        JsonNode c = JSON.readTree(challenge.body());
        String nonce = c.get("nonce").asText();
        assertEquals(64, nonce.length());
        assertTrue(c.get("message").asText().startsWith("ComputeMarket worker enrolment\noperator: "), c.toString());
        assertTrue(c.get("message").asText().endsWith("\naddress: " + key.address() + "\nnonce: " + nonce), c.toString());
        assertTrue(c.hasNonNull("expires_at"), c.toString());

        HttpResponse<String> enrolled = call("POST", "api/workers", worker, enrolment(key, c.get("message").asText(), nonce).toString());

        assertEquals(201, enrolled.statusCode(), enrolled.body());
        JsonNode w = JSON.readTree(enrolled.body());
        String id = w.get("id").asText();
        assertTrue(enrolled.headers().firstValue("Location").orElse("").endsWith("/api/workers/" + id), enrolled.headers().toString());
        assertEquals(key.address(), w.get("address").asText());
        assertEquals("worker", w.get("operator").asText());
        assertEquals("ACTIVE", w.get("status").asText());
        assertEquals(500, w.get("reputation").asInt());
        assertEquals("NVIDIA RTX 4090", w.get("gpus").get(0).get("model").asText());
        assertEquals(24564, w.get("gpus").get(0).get("memory_mb").asInt());
        assertEquals("8.9", w.get("gpus").get(0).get("compute_capability").asText());
        assertEquals("[\"synthetic\",\"inference\"]", w.get("challenge_types").toString());
        assertTrue(w.hasNonNull("enrolled_at"), w.toString());

        HttpResponse<String> one = call("GET", "api/workers/" + id, worker, null);
        assertEquals(200, one.statusCode(), one.body());
        assertEquals(key.address(), JSON.readTree(one.body()).get("address").asText());
        for (String reader : new String[] {worker, finance, admin}) {
            HttpResponse<String> list = call("GET", "api/workers?limit=500", reader, null);
            assertEquals(200, list.statusCode(), list.body());
            assertTrue(list.body().contains(key.address()), list.body());
            assertTrue(JSON.readTree(list.body()).get("total").asLong() >= 1, list.body());
        }
        assertEquals(200, call("GET", "api/workers/" + id, finance, null).statusCode());
    }

    @Test
    void theSameAddressTwiceIsAConflict() throws Exception {
        ChainKey key = ChainKey.generate(RANDOM);
        enrol(key);

        // a challenge without an address: the worker fills the address into the message it signs
        HttpResponse<String> challenge = call("POST", "api/workers/enrolment-challenges", worker, "{}");
        assertEquals(201, challenge.statusCode(), challenge.body());
        JsonNode c = JSON.readTree(challenge.body());
        String message = c.get("message").asText().replace("<address>", key.address());
        HttpResponse<String> again = call("POST", "api/workers", worker, enrolment(key, message, c.get("nonce").asText()).toString());

        assertProblem(409, "address-taken", again);
        assertProblem(409, "address-taken",
                call("POST", "api/workers/enrolment-challenges", worker, "{\"address\":\"" + key.address() + "\"}"));
    }

    @Test
    void aChallengeNeedsNoBody() throws Exception {
        HttpResponse<String> challenge = call("POST", "api/workers/enrolment-challenges", worker, null);
        assertEquals(201, challenge.statusCode(), challenge.body());
        assertTrue(challenge.body().contains("address: <address>"), challenge.body());
    }

    @Test
    void badProofsAndBadInputAreRefusedAndChangeNothing() throws Exception {
        ChainKey key = ChainKey.generate(RANDOM);
        JsonNode c = challenge(key);
        String nonce = c.get("nonce").asText();
        String message = c.get("message").asText();

        ObjectNode wrongKey = enrolment(key, message, nonce);
        wrongKey.put("signature", sign(ChainKey.generate(RANDOM), message));
        assertProblem(422, "signature-invalid", call("POST", "api/workers", worker, wrongKey.toString()));

        ObjectNode otherPublicKey = enrolment(key, message, nonce);
        otherPublicKey.put("public_key", ChainKey.generate(RANDOM).publicKeyHex());
        assertProblem(422, "public-key-mismatch", call("POST", "api/workers", worker, otherPublicKey.toString()));

        ObjectNode badHex = enrolment(key, message, nonce);
        badHex.put("signature", "zz");
        assertProblem(400, "invalid-signature", call("POST", "api/workers", worker, badHex.toString()));

        ObjectNode badType = enrolment(key, message, nonce);
        badType.putArray("challenge_types").add("mining");
        assertProblem(400, "invalid-challenge-type", call("POST", "api/workers", worker, badType.toString()));

        ObjectNode badGpu = enrolment(key, message, nonce);
        ((ObjectNode) badGpu.get("gpus").get(0)).put("compute_capability", "eight");
        HttpResponse<String> gpu = call("POST", "api/workers", worker, badGpu.toString());
        assertProblem(400, "invalid-request", gpu);
        assertTrue(gpu.body().contains("compute_capability"), gpu.body());

        HttpResponse<String> missing = call("POST", "api/workers", worker, "{\"address\":\"" + key.address() + "\"}");
        assertProblem(400, "invalid-request", missing);
        assertTrue(missing.body().contains("public_key is required") && missing.body().contains("nonce is required")
                && missing.body().contains("challenge_types must name"), missing.body());

        assertProblem(400, "malformed-json", call("POST", "api/workers", worker, "{\"address\":"));
        ObjectNode wrongType = enrolment(key, message, nonce);
        ((ObjectNode) wrongType.get("gpus").get(0)).put("memory_mb", "lots");
        assertProblem(400, "malformed-json", call("POST", "api/workers", worker, wrongType.toString()));
        assertProblem(400, "malformed-json", call("POST", "api/workers/enrolment-challenges", worker, "[1,"));
        assertProblem(400, "invalid-address", call("POST", "api/workers/enrolment-challenges", worker, "{\"address\":\"bc1qxyz\"}"));

        HttpResponse<String> list = call("GET", "api/workers?limit=500", admin, null);
        assertTrue(!list.body().contains(key.address()), "nothing enrolled: " + list.body());
        // the refusals left the nonce usable
        assertEquals(201, call("POST", "api/workers", worker, enrolment(key, message, nonce).toString()).statusCode());
        assertProblem(409, "challenge-used", call("POST", "api/workers", worker, enrolment(key, message, nonce).toString()));
    }

    @Test
    void customersHaveNoBusinessWithWorkers() throws Exception {
        String id = enrol(ChainKey.generate(RANDOM));

        assertProblem(403, null, call("POST", "api/workers/enrolment-challenges", customer, "{}"));
        assertProblem(403, null, call("GET", "api/workers", customer, null));
        assertProblem(403, null, call("GET", "api/workers/" + id, customer, null));
        assertEquals(401, call("GET", "api/workers", null, null).statusCode());
    }

    @Test
    void anAdminSuspendsAndResumesAndNobodyElseDoes() throws Exception {
        String id = enrol(ChainKey.generate(RANDOM));
        String path = "api/admin/workers/" + id + "/suspension";

        assertProblem(403, null, call("POST", path, worker, "{\"reason\":\"mine\"}"));
        assertProblem(403, null, call("POST", path, finance, "{\"reason\":\"audit\"}"));
        assertProblem(403, null, call("DELETE", path, worker, null));
        assertProblem(400, "invalid-request", call("POST", path, admin, "{}"));

        HttpResponse<String> suspended = call("POST", path, admin, "{\"reason\":\"wrong results on 3 jobs\"}");
        assertEquals(200, suspended.statusCode(), suspended.body());
        assertEquals("SUSPENDED", JSON.readTree(suspended.body()).get("status").asText());
        assertEquals("wrong results on 3 jobs", JSON.readTree(suspended.body()).get("suspension_reason").asText());
        JsonNode seen = JSON.readTree(call("GET", "api/workers/" + id, worker, null).body());
        assertEquals("SUSPENDED", seen.get("status").asText(), "the operator sees it");
        assertProblem(409, "worker-already-suspended", call("POST", path, admin, "{\"reason\":\"again\"}"));

        HttpResponse<String> resumed = call("DELETE", path, admin, null);
        assertEquals(200, resumed.statusCode(), resumed.body());
        assertEquals("ACTIVE", JSON.readTree(resumed.body()).get("status").asText());
        assertProblem(404, "worker-not-found",
                call("POST", "api/admin/workers/00000000-0000-0000-0000-000000000000/suspension", admin, "{\"reason\":\"x\"}"));
    }

    private String enrol(ChainKey key) throws Exception {
        JsonNode c = challenge(key);
        HttpResponse<String> enrolled = call("POST", "api/workers", worker,
                enrolment(key, c.get("message").asText(), c.get("nonce").asText()).toString());
        assertEquals(201, enrolled.statusCode(), enrolled.body());
        return JSON.readTree(enrolled.body()).get("id").asText();
    }

    private JsonNode challenge(ChainKey key) throws Exception {
        HttpResponse<String> challenge = call("POST", "api/workers/enrolment-challenges", worker, "{\"address\":\"" + key.address() + "\"}");
        assertEquals(201, challenge.statusCode(), challenge.body());
        return JSON.readTree(challenge.body());
    }

    private static ObjectNode enrolment(ChainKey key, String message, String nonce) {
        ObjectNode body = JSON.createObjectNode();
        body.put("address", key.address());
        body.put("public_key", key.publicKeyHex());
        body.put("signature", sign(key, message));
        body.put("nonce", nonce);
        ObjectNode gpu = body.putArray("gpus").addObject();
        gpu.put("model", "NVIDIA RTX 4090");
        gpu.put("memory_mb", 24564);
        gpu.put("compute_capability", "8.9");
        gpu.put("driver", "550.54.14");
        body.putArray("challenge_types").add("synthetic").add("inference");
        return body;
    }

    /** What a worker does: ECDSA (the chain's r || s) over sha256 of the message's UTF-8 bytes. */
    private static String sign(ChainKey key, String message) {
        return HexFormat.of().formatHex(key.sign(Hashes.sha256(message.getBytes(StandardCharsets.UTF_8))));
    }

    private static void assertProblem(int status, String type, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""), response.body());
        if (type != null) {
            assertTrue(response.body().contains("\"type\":\"https://computemarket.dev/problems/" + type + "\""), response.body());
        }
    }

    private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://" + base.getHost() + ":" + base.getPort() + "/" + path));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
