package com.computemarket.connector.auth;

import com.computemarket.connector.net.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads (never verifies: the server does) the claims of an access token, for messages like "logged in as worker". */
public final class Jwt {

    private Jwt() {
    }

    public static JsonNode claims(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length < 2) {
            return MissingNode.getInstance();
        }
        try {
            return Json.parseLenient(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return MissingNode.getInstance();
        }
    }

    public static String who(String token) {
        JsonNode c = claims(token);
        String name = c.path("preferred_username").asText("");
        return name.isEmpty() ? c.path("sub").asText("(unknown user)") : name;
    }
}
