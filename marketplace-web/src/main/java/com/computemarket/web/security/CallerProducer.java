package com.computemarket.web.security;

import com.computemarket.shared.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link Caller} of a request. elytron-oidc-client has already verified the bearer token (signature,
 * issuer, audience, expiry) before any resource runs; here we only read its claims.
 */
@RequestScoped
public class CallerProducer {

    /** Looked up once: Json.createReader finds the JSON-P provider through a ServiceLoader scan on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final List<String> ROLES = List.of(Caller.CUSTOMER, Caller.WORKER, Caller.FINANCE, Caller.ADMIN);

    @Inject HttpServletRequest request;

    /**
     * Dependent, not request-scoped: Caller is a record (final), which CDI cannot proxy (WELD-001410). Inject it into
     * request-scoped beans (the resources), so each request gets its own.
     */
    @Produces
    Caller caller() {
        if (request.getUserPrincipal() == null) {
            throw new NotAuthorizedException("a bearer token is required", "Bearer");
        }
        Set<String> roles = new HashSet<>();
        for (String role : ROLES) {
            if (request.isUserInRole(role)) {
                roles.add(role);
            }
        }
        return fromClaims(claims(request.getHeader("Authorization")), roles);
    }

    /** The claims of a (verified) compact JWS; package-private for the WebSocket handshake and tests. */
    public static JsonObject claims(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new NotAuthorizedException("a bearer token is required", "Bearer");
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length < 2) {
            throw new NotAuthorizedException("the bearer token is not a JWT", "Bearer");
        }
        String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        try (var reader = READERS.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    public static Caller fromClaims(JsonObject claims, Set<String> roles) {
        String subject = claims.getString("sub", null);
        String username = claims.getString("preferred_username", subject);
        return new Caller(subject == null ? username : subject, username, roles, organization(claims));
    }

    /**
     * Keycloak's organization membership mapper writes {@code organization} either as a list of aliases or, with
     * "add organization id", as an object keyed by alias. A user in several organizations acts for the first.
     */
    static Optional<String> organization(JsonObject claims) {
        JsonValue value = claims.get("organization");
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.getValueType()) {
            case ARRAY -> value.asJsonArray().getValuesAs(JsonValue.class).stream()
                    .filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                    .map(v -> ((jakarta.json.JsonString) v).getString()).sorted().findFirst();
            case OBJECT -> value.asJsonObject().keySet().stream().sorted().findFirst();
            case STRING -> Optional.of(((jakarta.json.JsonString) value).getString());
            default -> Optional.empty();
        };
    }
}
