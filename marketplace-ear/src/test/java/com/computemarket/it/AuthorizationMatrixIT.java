package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint × every role (customer of acme, customer of globex, two worker operators, finance, admin), plus no
 * token, a forged token and an expired one, with real Keycloak tokens, asserting each status. Probes are chosen so
 * that an allowed caller gets a definite answer that changes nothing (a 404 for a random id, a 400 for an empty
 * body), and a refused one gets 403 before any of that.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {

    static final String RANDOM = "00000000-0000-4000-8000-000000000000";
    static final String ZEROS = "0".repeat(64);
    static final List<String> USERS = List.of("customer", "customer2", "worker", "worker2", "finance", "admin");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.marketplace();
    }

    @ArquillianResource
    URL base;

    /** One probe: request, and the status for each user in USERS order. */
    record Probe(String method, String path, String body, int... statuses) {
        String name() {
            return method + " /" + path;
        }
    }

    static final List<Probe> PROBES = List.of(
            //                                                              cust cust2 work work2 fin  admin
            new Probe("GET", "api/me", null,                                  200, 200, 200, 200, 200, 200),
            new Probe("GET", "api/tasks", null,                               200, 200, 403, 403, 200, 200),
            new Probe("POST", "api/tasks", "{}",                              400, 400, 403, 403, 403, 403),
            new Probe("GET", "api/tasks/" + RANDOM, null,                     404, 404, 403, 403, 404, 404),
            new Probe("GET", "api/tasks/" + RANDOM + "/result", null,         404, 404, 403, 403, 404, 404),
            new Probe("POST", "api/tasks/" + RANDOM + "/cancel", null,        404, 404, 403, 403, 403, 404),
            new Probe("GET", "api/organizations/acme/balance", null,          200, 404, 403, 403, 200, 200),
            new Probe("GET", "api/organizations/globex/balance", null,        404, 200, 403, 403, 200, 200),
            new Probe("GET", "api/ledger/accounts", null,                     403, 403, 403, 403, 200, 200),
            new Probe("GET", "api/ledger/entries", null,                      403, 403, 403, 403, 200, 200),
            new Probe("POST", "api/admin/credits", "{}",                      403, 403, 403, 403, 403, 400),
            new Probe("GET", "api/admin/credits", null,                       403, 403, 403, 403, 200, 200),
            new Probe("GET", "api/admin/invariants", null,                    403, 403, 403, 403, 200, 200),
            new Probe("POST", "api/workers/enrolment-challenges", null,       403, 403, 201, 201, 403, 403),
            new Probe("POST", "api/workers", "{}",                            403, 403, 400, 400, 403, 403),
            new Probe("GET", "api/workers", null,                             403, 403, 200, 200, 200, 200),
            new Probe("GET", "api/workers/" + RANDOM, null,                   403, 403, 404, 404, 404, 404),
            new Probe("POST", "api/admin/workers/" + RANDOM + "/suspension", "{\"reason\":\"matrix probe\"}",
                                                                              403, 403, 403, 403, 403, 404),
            new Probe("DELETE", "api/admin/workers/" + RANDOM + "/suspension", null,
                                                                              403, 403, 403, 403, 403, 404),
            new Probe("GET", "api/payouts", null,                             403, 403, 200, 200, 200, 200),
            new Probe("GET", "api/payouts/" + RANDOM, null,                   403, 403, 404, 404, 404, 404),
            new Probe("POST", "api/admin/payout-runs", "{}",                  403, 403, 403, 403, 403, 201),
            new Probe("GET", "api/models", null,                              200, 200, 200, 200, 200, 200),
            new Probe("GET", "api/models/matrix-probe", null,                 404, 404, 404, 404, 404, 404),
            // workers learn the model is unknown before whether they have an enrolled worker: 404, never 403
            new Probe("GET", "api/models/matrix-probe/files/" + ZEROS, null,  403, 403, 404, 404, 403, 403),
            new Probe("POST", "api/admin/models", "{}",                       403, 403, 403, 403, 403, 400),
            // "{}" is not the file named by ZEROS: the admin's upload is refused (422) and stores nothing
            new Probe("PUT", "api/admin/models/matrix-probe/files/" + ZEROS, "{}",
                                                                              403, 403, 403, 403, 403, 422),
            new Probe("POST", "api/admin/models/matrix-probe/retire", null,   403, 403, 403, 403, 403, 404));

    static final List<String> OPEN = List.of("api/health", "api/openapi");

    @org.junit.jupiter.api.AfterEach
    void ledgerInvariantsHold() {
        Invariants.assertHold(new Api(base));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Probe probe : PROBES) {
            for (int i = 0; i < USERS.size(); i++) {
                String user = USERS.get(i);
                int expected = probe.statuses()[i];
                tests.add(DynamicTest.dynamicTest(probe.name() + " as " + user + " → " + expected, () -> {
                    Api.Reply reply = new Api(base).sendWithToken(Api.token(user), probe.path(), probe.method(), probe.body(), Map.of());
                    assertEquals(expected, reply.status(), reply.toString());
                    if (expected >= 400) {
                        assertTrue(reply.contentType().startsWith("application/problem+json"),
                                "problem+json expected, got " + reply.contentType() + ": " + reply.body());
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> withoutAValidTokenEveryProtectedEndpointIs401() throws Exception {
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("no token", null);
        badTokens.put("forged token", forged(Api.token("customer")));
        badTokens.put("expired token", expired());
        badTokens.put("garbage token", "not-a-jwt");
        List<DynamicTest> tests = new ArrayList<>();
        for (var bad : badTokens.entrySet()) {
            for (Probe probe : PROBES) {
                tests.add(DynamicTest.dynamicTest(probe.name() + " with " + bad.getKey() + " → 401", () -> {
                    Api.Reply reply = new Api(base).sendWithToken(bad.getValue(), probe.path(), probe.method(), probe.body(), Map.of());
                    assertEquals(401, reply.status(), reply.toString());
                }));
            }
            for (String open : OPEN) {
                if (bad.getValue() == null) {
                    tests.add(DynamicTest.dynamicTest("GET /" + open + " with no token → 200", () ->
                            assertEquals(200, new Api(base).sendWithToken(null, open, "GET", null, Map.of()).status())));
                }
            }
        }
        return tests.stream();
    }

    /** The same header and signature with a payload that claims admin: the signature no longer matches. */
    static String forged(String real) {
        String[] parts = real.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** A real token from the realm's short-lived client (2 s lifespan), used after it has expired. */
    static String expired() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=marketplace-expiry-probe&username=admin&password=admin";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(Tokens.providerUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        String token = Api.JSON.readTree(response.body()).get("access_token").asText();
        Thread.sleep(3_500);
        return token;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
