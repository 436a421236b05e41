package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Black-box, with real tokens: the billing API's answers per role, refusals as problem+json, invariants after. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.marketplace();
    }

    @ArquillianResource
    URL base;

    private final String org = "api-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anAdminCreditsWithAReasonAndFinanceSeesItInTheLedgerWithTheInvariantsHolding() throws Exception {
        String admin = Tokens.forUser("admin", "admin");
        String finance = Tokens.forUser("finance", "finance");

        HttpResponse<String> credited = post("api/admin/credits", admin,
                "{\"organization\":\"" + org + "\",\"amount\":\"12.5\",\"reason\":\"LedgerApiIT wire transfer\"}");
        assertEquals(201, credited.statusCode(), credited.body());
        assertTrue(credited.body().contains("\"amount\":\"12.5\"") && credited.body().contains("\"credited_by\":\"admin\""),
                credited.body());

        HttpResponse<String> balance = get("api/organizations/" + org + "/balance", finance);
        assertEquals(200, balance.statusCode(), balance.body());
        assertTrue(balance.body().contains("\"available\":\"12.5\"") && balance.body().contains("\"escrow\":\"0.0\"")
                && balance.body().contains("\"deposit_address\":\"cpc1"), balance.body());

        HttpResponse<String> entries = get("api/ledger/entries?limit=5", finance);
        assertEquals(200, entries.statusCode(), entries.body());
        assertTrue(entries.body().contains("\"idempotency_key\":\"manual-credit:"), entries.body());
        assertEquals(200, get("api/ledger/accounts", finance).statusCode());
        assertTrue(get("api/admin/credits", finance).body().contains("LedgerApiIT wire transfer"));

        HttpResponse<String> report = get("api/admin/invariants", finance);
        assertEquals(200, report.statusCode(), report.body());
        assertTrue(report.body().contains("\"ok\":true") && !report.body().contains("\"ok\":false"), report.body());
    }

    @Test
    void badCreditsAreRefusedAsProblemsAndCreditNothing() throws Exception {
        String admin = Tokens.forUser("admin", "admin");
        for (String body : new String[] {
                "{\"organization\":\"" + org + "\",\"amount\":\"-1\",\"reason\":\"r\"}",
                "{\"organization\":\"" + org + "\",\"amount\":\"1.0\"}",
                "{\"organization\":\"" + org + "\",\"amount\":\"0.0000000000000000001\",\"reason\":\"r\"}",
                "{\"organization\":\"not an alias\",\"amount\":\"1\",\"reason\":\"r\"}",
                "{\"organization\":\"" + org + "\",\"amount\":\"1\",\"reason\":\"" + "x".repeat(501) + "\"}",
                "{not json"}) {
            HttpResponse<String> refused = post("api/admin/credits", admin, body);
            assertEquals(400, refused.statusCode(), body + " → " + refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""), refused.body());
        }
        assertEquals(400, get("api/ledger/entries?limit=abc", admin).statusCode());
        assertEquals(400, get("api/ledger/entries?limit=0", admin).statusCode());
        HttpResponse<String> balance = get("api/organizations/" + org + "/balance", admin);
        assertTrue(balance.body().contains("\"available\":\"0.0\""), balance.body());
    }

    @Test
    void eachRoleReachesOnlyWhatItMay() throws Exception {
        String customer = Tokens.forUser("customer", "customer");
        String worker = Tokens.forUser("worker", "worker");
        String finance = Tokens.forUser("finance", "finance");

        assertEquals(404, get("api/organizations/" + org + "/balance", customer).statusCode(), "another organization's");
        assertEquals(403, get("api/organizations/" + org + "/balance", worker).statusCode());
        assertEquals(403, get("api/ledger/entries", customer).statusCode());
        assertEquals(403, get("api/ledger/accounts", worker).statusCode());
        assertEquals(403, get("api/admin/invariants", customer).statusCode());
        assertEquals(403, post("api/admin/credits", finance,
                "{\"organization\":\"" + org + "\",\"amount\":\"1\",\"reason\":\"r\"}").statusCode());
        assertEquals(401, get("api/admin/invariants", null).statusCode());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + base.getHost() + ":" + base.getPort() + "/" + path)).GET();
        if (token != null) request.header("Authorization", "Bearer " + token);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + base.getHost() + ":" + base.getPort() + "/" + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
