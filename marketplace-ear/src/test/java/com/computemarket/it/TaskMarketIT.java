package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Black-box: the Task Market API with escrow, idempotency, visibility and refusals, on the deployed server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TaskMarketIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.marketplace();
    }

    @ArquillianResource
    URL base;

    Api api() {
        return new Api(base);
    }

    static Map<String, Object> synthetic(String reward) {
        return Map.of("challenge_type", "synthetic",
                "payload", Map.of("seed", "1234abcd5678ef90", "matrix_size", 64, "iterations", 20),
                "reward", reward, "deadline", Instant.now().plusSeconds(3600).getEpochSecond());
    }

    BigDecimal balance(String field) {
        Api.Reply reply = api().get("customer", "api/organizations/acme/balance");
        assertEquals(200, reply.status(), reply.toString());
        return new BigDecimal(reply.json().get(field).asText());
    }

    void fund(String organization, String amount) {
        Api.Reply credit = api().post("admin", "api/admin/credits",
                Map.of("organization", organization, "amount", amount, "reason", "integration test funding"));
        assertEquals(201, credit.status(), credit.toString());
    }

    @AfterEach
    void ledgerInvariantsHold() {
        Invariants.assertHold(api());
    }

    @Test
    void creatingATaskHoldsItsRewardOnceEvenWhenRetried() {
        fund("acme", "100.0");
        BigDecimal available = balance("available");
        BigDecimal escrow = balance("escrow");
        String key = "it-" + UUID.randomUUID();

        Map<String, Object> request = synthetic("10.0");
        Api.Reply first = api().post("customer", "api/tasks", request, Map.of("Idempotency-Key", key));
        Api.Reply retry = api().post("customer", "api/tasks", request, Map.of("Idempotency-Key", key));

        assertEquals(201, first.status(), first.toString());
        JsonNode created = first.json();
        assertEquals("pending", created.get("status").asText());
        assertTrue(created.get("created_at").asLong() > 1_700_000_000L);
        assertTrue(first.header("Location").endsWith("/api/tasks/" + created.get("task_id").asText()));
        assertEquals(201, retry.status(), retry.toString());
        assertEquals(created.get("task_id"), retry.json().get("task_id"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(available.subtract(BigDecimal.TEN), balance("available"), "held once");
        assertEquals(escrow.add(BigDecimal.TEN), balance("escrow"));

        JsonNode task = api().get("customer", "api/tasks/" + created.get("task_id").asText()).json();
        assertEquals("synthetic", task.get("challenge_type").asText());
        assertEquals("10.0", task.get("reward").asText());
        assertEquals(2, task.get("jobs").size(), "20 iterations split into jobs of 10");
        assertEquals(64, task.get("payload").get("matrix_size").asInt());
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        fund("acme", "5.0");
        String key = "it-" + UUID.randomUUID();
        assertEquals(201, api().post("customer", "api/tasks", synthetic("1.0"), Map.of("Idempotency-Key", key)).status());
        BigDecimal available = balance("available");

        Api.Reply reused = api().post("customer", "api/tasks", synthetic("2.0"), Map.of("Idempotency-Key", key));

        assertProblem(reused, 422, "idempotency-key-reused");
        assertEquals(available, balance("available"));
    }

    @Test
    void tooLittleBalanceHoldsNothing() {
        BigDecimal available = balance("available");
        String tooMuch = available.add(BigDecimal.ONE).toPlainString();

        Api.Reply reply = api().post("customer", "api/tasks", synthetic(tooMuch));

        assertProblem(reply, 422, "insufficient-funds");
        assertTrue(reply.json().get("detail").asText().contains("available"), reply.toString());
        assertEquals(available, balance("available"));
    }

    @Test
    void cancellingReleasesTheHold() {
        fund("acme", "3.0");
        BigDecimal available = balance("available");
        String id = api().post("customer", "api/tasks", synthetic("3.0")).json().get("task_id").asText();
        assertEquals(available.subtract(new BigDecimal("3")), balance("available"));

        Api.Reply cancelled = api().post("customer", "api/tasks/" + id + "/cancel", null);

        assertEquals(200, cancelled.status(), cancelled.toString());
        assertEquals("cancelled", cancelled.json().get("status").asText());
        assertEquals(available, balance("available"));
        assertProblem(api().post("customer", "api/tasks/" + id + "/cancel", null), 409, "task-not-open");
        JsonNode jobs = api().get("customer", "api/tasks/" + id).json().get("jobs");
        jobs.forEach(job -> assertEquals("cancelled", job.get("status").asText()));
    }

    @Test
    void customersSeeOnlyTheirOrganizationsTasksAndFinanceSeesAll() {
        fund("acme", "1.0");
        String id = api().post("customer", "api/tasks", synthetic("1.0")).json().get("task_id").asText();

        assertProblem(api().get("customer2", "api/tasks/" + id), 404, "task-not-found");
        assertEquals(200, api().get("finance", "api/tasks/" + id).status());
        assertEquals(200, api().get("admin", "api/tasks/" + id).status());
        assertEquals(403, api().get("worker", "api/tasks/" + id).status());
        JsonNode globex = api().get("customer2", "api/tasks?limit=100").json();
        globex.get("tasks").forEach(t -> assertNotEquals(id, t.get("task_id").asText()));
        assertProblem(api().post("customer2", "api/tasks/" + id + "/cancel", null), 404, "task-not-found");
        assertProblem(api().post("finance", "api/tasks", synthetic("1.0")), 403, null);
    }

    @Test
    void listingFiltersAndPages() {
        fund("acme", "2.0");
        api().post("customer", "api/tasks", synthetic("1.0"));
        api().post("customer", "api/tasks", synthetic("1.0"));

        JsonNode page = api().get("customer", "api/tasks?status=pending&challenge_type=synthetic&limit=1&offset=0").json();

        assertEquals(1, page.get("tasks").size());
        assertEquals(1, page.get("limit").asInt());
        assertEquals(0, page.get("offset").asInt());
        assertTrue(page.get("total").asLong() >= 2, page.toString());
        JsonNode summary = page.get("tasks").get(0);
        assertEquals("synthetic", summary.get("challenge_type").asText());
        assertEquals("pending", summary.get("status").asText());
        assertEquals("1.0", summary.get("reward").asText());
        assertProblem(api().get("customer", "api/tasks?status=done"), 400, "invalid-status");
        assertProblem(api().get("customer", "api/tasks?limit=1000"), 400, "invalid-limit");
        assertProblem(api().get("customer", "api/tasks?offset=-1"), 400, "invalid-offset");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{not json",
            "{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"ab\",\"matrix_size\":64,\"iterations\":1},\"reward\":\"-1\"}",
            "{\"challenge_type\":\"quantum\",\"payload\":{},\"reward\":\"1\"}",
            "{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"ab\",\"matrix_size\":64,\"iterations\":1},\"reward\":1}",
            "{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"ab\",\"matrix_size\":99999999,\"iterations\":1},\"reward\":\"1\"}",
            "{\"challenge_type\":\"synthetic\",\"payload\":{\"seed\":\"ab\",\"matrix_size\":64,\"iterations\":1},\"reward\":\"1\",\"admin\":true}"})
    void badInputIs400ProblemJsonAndChangesNothing(String body) {
        BigDecimal available = balance("available");
        long total = api().get("customer", "api/tasks").json().get("total").asLong();

        Api.Reply reply = api().post("customer", "api/tasks", body);

        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertTrue(reply.json().get("detail").asText().length() > 10, reply.toString());
        assertEquals(available, balance("available"));
        assertEquals(total, api().get("customer", "api/tasks").json().get("total").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"challenge_type\":\"training\",\"payload\":{\"model_architecture\":\"resnet50\",\"dataset_url\":\"https://x/d\",\"epochs\":1,\"batch_size\":8},\"reward\":\"1\"}",
            "{\"challenge_type\":\"rendering\",\"payload\":{\"scene_file\":\"https://x/s.blend\",\"resolution\":\"1920x1080\",\"frames\":24},\"reward\":\"1\"}",
            "{\"challenge_type\":\"simulation\",\"payload\":{},\"reward\":\"1\"}"})
    void typesNoWorkerCanRunAre422NamingWhatCanRunAndHoldNothing(String body) {
        fund("acme", "10.0");
        BigDecimal available = balance("available");
        BigDecimal escrow = balance("escrow");
        long total = api().get("customer", "api/tasks").json().get("total").asLong();

        Api.Reply reply = api().post("customer", "api/tasks", body);

        assertProblem(reply, 422, "challenge-type-not-runnable");
        assertTrue(reply.json().get("detail").asText().contains("synthetic, inference"), reply.toString());
        assertEquals(available, balance("available"));
        assertEquals(escrow, balance("escrow"));
        assertEquals(total, api().get("customer", "api/tasks").json().get("total").asLong());
    }

    @Test
    void anInferenceTaskForAModelTheCatalogueDoesNotOfferIs422NamingTheField() {
        Api.Reply reply = api().post("customer", "api/tasks",
                "{\"challenge_type\":\"inference\",\"payload\":{\"model_id\":\"no-such-model\",\"inputs\":[\"a\"]}}");
        assertProblem(reply, 422, "model-not-offered");
        assertTrue(reply.json().get("detail").asText().contains("payload.model_id"), reply.toString());
    }

    @Test
    void anOversizedBodyIs413() {
        String big = "{\"challenge_type\":\"synthetic\",\"payload\":{\"x\":\"" + "a".repeat(300_000) + "\"},\"reward\":\"1\"}";
        assertProblem(api().post("customer", "api/tasks", big), 413, "body-too-large");
    }

    @Test
    void theOpenApiDocumentIsServedWithoutAToken() {
        Api.Reply reply = api().get(null, "api/openapi");
        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("/tasks:"), reply.body());
    }

    static void assertProblem(Api.Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType() + " " + reply.body());
        if (type != null) {
            assertTrue(reply.json().get("type").asText().endsWith("/" + type), reply.toString());
        }
    }
}
