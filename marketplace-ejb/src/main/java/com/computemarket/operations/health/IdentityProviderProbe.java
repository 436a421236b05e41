package com.computemarket.operations.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Asks the OpenID provider for its discovery document, as the OIDC client in WildFly does. */
@ApplicationScoped
public class IdentityProviderProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    @ConfigProperty(name = "cm.oidc.url", defaultValue = "http://127.0.0.1:8180/realms/computemarket")
    String providerUrl;

    public Check probe() {
        URI discovery = URI.create(providerUrl + "/.well-known/openid-configuration");
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Check.down(new IOException(discovery + " answered " + response.statusCode()));
            }
            return Check.up(Map.of("provider", providerUrl));
        } catch (IOException e) {
            return Check.down(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.down(e);
        }
    }
}
