package com.computemarket.connector.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A Keycloak login as the connector caches it. {@link #toString()} never shows the tokens. */
public record Token(@JsonProperty("issuer") String issuer,
                    @JsonProperty("client_id") String clientId,
                    @JsonProperty("access_token") String accessToken,
                    @JsonProperty("expires_at") long expiresAt,
                    @JsonProperty("refresh_token") String refreshToken,
                    @JsonProperty("refresh_expires_at") long refreshExpiresAt) {

    /** Epoch seconds in the file (no Jackson time module needed); 0 = unknown. */
    public Token(String issuer, String clientId, String accessToken, Instant expiresAt, String refreshToken, Instant refreshExpiresAt) {
        this(issuer, clientId, accessToken, expiresAt.getEpochSecond(), refreshToken,
                refreshExpiresAt == null ? 0 : refreshExpiresAt.getEpochSecond());
    }

    /** True when the access token still lives at least {@code marginSeconds} after {@code now}. */
    public boolean freshAt(Instant now, long marginSeconds) {
        return accessToken != null && now.plusSeconds(marginSeconds).getEpochSecond() < expiresAt;
    }

    /** True when there is a refresh token that has not expired at {@code now} (no expiry known: assume it lives). */
    public boolean refreshableAt(Instant now) {
        return refreshToken != null && (refreshExpiresAt == 0 || now.getEpochSecond() < refreshExpiresAt);
    }

    @Override
    public String toString() {
        return "Token[issuer=" + issuer + ", client=" + clientId + ", expires=" + Instant.ofEpochSecond(expiresAt) + "]";
    }
}
