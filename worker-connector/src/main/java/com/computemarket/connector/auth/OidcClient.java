package com.computemarket.connector.auth;

import com.computemarket.connector.cli.CliException;
import com.computemarket.connector.cli.ExitCodes;
import com.computemarket.connector.net.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The OAuth 2.0 calls to a Keycloak realm: device authorization grant (RFC 8628), password and client-credentials
 * grants for automation, refresh. Keycloak's refusals become one {@link ExitCodes#LOGIN} line.
 */
public final class OidcClient {

    public static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    /** RFC 8628 §3.5: a slow_down answer adds 5 seconds to the polling interval. */
    static final long SLOW_DOWN_STEP_SECONDS = 5;

    /** What the user must do to approve a device login. */
    public record DeviceAuthorization(String deviceCode, String userCode, String verificationUri,
                                      String verificationUriComplete, long expiresInSeconds, long intervalSeconds) {
    }

    private final Http http;
    private final String issuer;
    private final String clientId;
    private final Clock clock;
    private final Sleeper sleeper;

    public OidcClient(Http http, String issuer, String clientId, Clock clock, Sleeper sleeper) {
        this.http = http;
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.clientId = clientId;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public String issuer() {
        return issuer;
    }

    URI tokenEndpoint() {
        return URI.create(issuer + "/protocol/openid-connect/token");
    }

    URI deviceEndpoint() {
        return URI.create(issuer + "/protocol/openid-connect/auth/device");
    }

    /** Starts a device login, lets {@code show} tell the user where to go, and polls until it is approved. */
    public Token deviceLogin(Consumer<DeviceAuthorization> show) {
        DeviceAuthorization authorization = startDeviceAuthorization();
        show.accept(authorization);
        return pollDeviceToken(authorization);
    }

    public DeviceAuthorization startDeviceAuthorization() {
        Http.Reply reply = http.postForm(deviceEndpoint(), Map.of("client_id", clientId, "scope", "openid"), "Keycloak");
        if (!reply.ok()) {
            throw refusal("the device login", reply);
        }
        JsonNode j = reply.json();
        if (!j.hasNonNull("device_code") || !j.hasNonNull("user_code") || !j.hasNonNull("verification_uri")) {
            throw new CliException(ExitCodes.LOGIN, "Keycloak's device authorization answer lacks device_code, user_code or verification_uri");
        }
        return new DeviceAuthorization(j.get("device_code").asText(), j.get("user_code").asText(),
                j.get("verification_uri").asText(), j.path("verification_uri_complete").asText(null),
                j.path("expires_in").asLong(600), Math.max(1, j.path("interval").asLong(5)));
    }

    /**
     * Polls the token endpoint every {@code interval} seconds: {@code authorization_pending} waits on,
     * {@code slow_down} adds 5 s to the interval, {@code expired_token}, {@code access_denied} or the code's own
     * lifetime running out end the login with one line.
     */
    public Token pollDeviceToken(DeviceAuthorization authorization) {
        long interval = Math.max(1, authorization.intervalSeconds());
        Instant deadline = clock.instant().plusSeconds(authorization.expiresInSeconds());
        while (true) {
            try {
                sleeper.sleep(Duration.ofSeconds(interval));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.INTERRUPTED, "interrupted while waiting for the login to be approved");
            }
            if (!clock.instant().isBefore(deadline)) {
                throw expired();
            }
            Http.Reply reply = http.postForm(tokenEndpoint(),
                    Map.of("grant_type", DEVICE_GRANT, "device_code", authorization.deviceCode(), "client_id", clientId), "Keycloak");
            if (reply.ok()) {
                return token(reply);
            }
            String error = reply.json().path("error").asText("");
            switch (error) {
                case "authorization_pending" -> {
                }
                case "slow_down" -> interval += SLOW_DOWN_STEP_SECONDS;
                case "expired_token" -> throw expired();
                case "access_denied" -> throw new CliException(ExitCodes.LOGIN, "the login was denied in the browser");
                default -> throw refusal("the device login", reply);
            }
        }
    }

    public Token password(String username, char[] password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", new String(password));
        form.put("scope", "openid");
        return grant(form, "the login of " + username);
    }

    public Token clientCredentials(char[] secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", new String(secret));
        return grant(form, "the client-credentials login of " + clientId);
    }

    public Token refresh(Token token) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        form.put("refresh_token", token.refreshToken());
        return grant(form, "the token refresh");
    }

    private Token grant(Map<String, String> form, String what) {
        Http.Reply reply = http.postForm(tokenEndpoint(), form, "Keycloak");
        if (!reply.ok()) {
            throw refusal(what, reply);
        }
        return token(reply);
    }

    private Token token(Http.Reply reply) {
        JsonNode j = reply.json();
        if (!j.hasNonNull("access_token")) {
            throw new CliException(ExitCodes.LOGIN, "Keycloak answered without an access_token");
        }
        Instant now = clock.instant();
        long refreshIn = j.path("refresh_expires_in").asLong(0);
        return new Token(issuer, clientId, j.get("access_token").asText(), now.plusSeconds(j.path("expires_in").asLong(60)),
                j.path("refresh_token").asText(null), refreshIn > 0 ? now.plusSeconds(refreshIn) : null);
    }

    private static CliException expired() {
        return new CliException(ExitCodes.LOGIN, "the device code expired before the login was approved; run the command again");
    }

    private CliException refusal(String what, Http.Reply reply) {
        JsonNode j = reply.json();
        String error = j.path("error").asText("");
        String description = j.path("error_description").asText("");
        if (reply.status() == 404) {
            return new CliException(ExitCodes.LOGIN, "Keycloak refused " + what + ": no such realm or endpoint at " + issuer
                    + " (HTTP 404); check --issuer");
        }
        if (error.isEmpty()) {
            return new CliException(ExitCodes.LOGIN, "Keycloak refused " + what + " (HTTP " + reply.status() + ")");
        }
        return new CliException(ExitCodes.LOGIN, "Keycloak refused " + what + ": " + error
                + (description.isEmpty() ? "" : " (" + description + ")"));
    }
}
