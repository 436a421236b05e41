package com.computemarket.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Black-box: the API takes Keycloak's bearer tokens through elytron-oidc-client and nothing else. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BearerTokenIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.marketplace();
    }

    @ArquillianResource
    URL base;

    @ParameterizedTest
    @ValueSource(strings = {"customer", "worker", "finance", "admin"})
    void eachDemoUserIsKnownWithItsRole(String user) throws Exception {
        HttpResponse<String> response = get("api/me", Tokens.forUser(user, user));

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"username\":\"" + user + "\""), response.body());
        assertTrue(response.body().contains("\"roles\":[\"" + user + "\"]"), "exactly its own role: " + response.body());
    }

    @Test
    void noTokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = get("api/me", null);

        assertEquals(401, response.statusCode(), response.body());
    }

    @Test
    void aForgedTokenIsUnauthorized() throws Exception {
        String real = Tokens.forUser("customer", "customer");
        String[] parts = real.split("\\.");
        // same header and signature, a payload that claims admin: the signature no longer matches
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"customer\"", "\"admin\"").getBytes());
        HttpResponse<String> response = get("api/me", parts[0] + "." + forgedPayload + "." + parts[2]);

        assertEquals(401, response.statusCode(), response.body());
    }

    @Test
    void anUnknownPathIsAProblemDocument() throws Exception {
        HttpResponse<String> response = get("api/no-such-thing", Tokens.forUser("customer", "customer"));

        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":404"), response.body());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://" + base.getHost() + ":" + base.getPort() + "/" + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
