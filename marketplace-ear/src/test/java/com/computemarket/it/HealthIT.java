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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Black-box: the health endpoint of the deployed EAR sees the real database, broker, devnet node and Keycloak. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.marketplace();
    }

    @ArquillianResource
    URL base;

    @Test
    void reportsEveryDependencyUpWithWhatItSaw() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(api("api/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        String body = response.body();
        assertTrue(body.contains("\"status\":\"UP\""), body);
        String expectedDatabase = "wildfly-postgresql".equals(System.getProperty("arquillian.launch")) ? "PostgreSQL" : "H2";
        assertTrue(body.contains("\"product\":\"" + expectedDatabase + "\""), body);
        assertTrue(body.contains("\"queue\":\"ChainTransactionQueue\""), body);
        assertTrue(body.matches("(?s).*\"height\":[1-9][0-9]*.*"), "the devnet node has produced blocks: " + body);
        assertTrue(body.contains("\"provider\":\"" + Tokens.providerUrl() + "\""), body);
        assertTrue(!body.contains("DOWN"), body);
    }

    private URI api(String path) {
        return URI.create("http://" + base.getHost() + ":" + base.getPort() + "/" + path);
    }
}
