package com.computemarket.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Real access tokens from the running Keycloak, for the realm's demo users (password grant, test client). */
public final class Tokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Tokens() {
    }

    public static String providerUrl() {
        return System.getProperty("cm.oidc.url", "http://127.0.0.1:8180/realms/computemarket");
    }

    public static String forUser(String username, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=marketplace-cli&username=" + enc(username) + "&password=" + enc(password);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(providerUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("Keycloak gave no token for " + username + ": " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
