package com.computemarket.shared;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A {@link Caller} from the claims of a token the container has verified: one rule for the bearer-only API and the
 * portal's authorization-code sessions. Roles come from the container ({@code isUserInRole}), not from here.
 */
public final class CallerClaims {

    /** Looked up once: Json.createReader finds the JSON-P provider through a ServiceLoader scan on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final List<String> ROLES = List.of(Caller.CUSTOMER, Caller.WORKER, Caller.FINANCE, Caller.ADMIN);

    private CallerClaims() {
    }

    /** This application's roles that the container says the user has ({@code request::isUserInRole}). */
    public static Set<String> roles(Predicate<String> inRole) {
        Set<String> roles = new HashSet<>();
        for (String role : ROLES) {
            if (inRole.test(role)) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** The claims of a compact JWS the container has verified; empty when it is not one. */
    public static Optional<JsonObject> payload(String compactJws) {
        String[] parts = compactJws == null ? new String[0] : compactJws.trim().split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        try (var reader = READERS.createReader(new StringReader(json))) {
            return Optional.of(reader.readObject());
        }
    }

    public static Caller caller(JsonObject claims, Set<String> roles) {
        String subject = claims.getString("sub", null);
        String username = claims.getString("preferred_username", subject);
        return new Caller(subject == null ? username : subject, username, roles, organization(claims));
    }

    /**
     * Keycloak's organization membership mapper writes {@code organization} either as a list of aliases or, with
     * "add organization id", as an object keyed by alias. A user in several organizations acts for the first.
     */
    public static Optional<String> organization(JsonObject claims) {
        JsonValue value = claims.get("organization");
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.getValueType()) {
            case ARRAY -> value.asJsonArray().getValuesAs(JsonValue.class).stream()
                    .filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                    .map(v -> ((JsonString) v).getString()).sorted().findFirst();
            case OBJECT -> value.asJsonObject().keySet().stream().sorted().findFirst();
            case STRING -> Optional.of(((JsonString) value).getString());
            default -> Optional.empty();
        };
    }
}
