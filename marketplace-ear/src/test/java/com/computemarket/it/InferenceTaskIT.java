package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URL;
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
        String model = TinyModel.register(PER_ITEM);
        fund("100.0");
        BigDecimal available = balance("available");
        BigDecimal escrow = balance("escrow");

        Api.Reply created = api().post("customer", "api/tasks", TinyModel.task(model, 130, null));
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
        String model = TinyModel.register(PER_ITEM);
        fund("10.0");
        BigDecimal available = balance("available");

        Api.Reply low = api().post("customer", "api/tasks", TinyModel.task(model, 10, "0.001"));
        TaskMarketIT.assertProblem(low, 422, "reward-too-low");
        assertTrue(low.json().get("detail").asText().contains("0.01"), low.toString());

        Api.Reply retired = api().post("admin", "api/admin/models/" + model + "/retire", null);
        assertEquals(200, retired.status(), retired.toString());
        Api.Reply unknown = api().post("customer", "api/tasks", TinyModel.task(model, 1, null));
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
}
