package com.computemarket.connector.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A Keycloak login as the connector caches it. {@link #toString()} never shows the tokens. */
public record Token(@JsonProperty("issuer") String issuer,
                    @JsonProperty("client_id") String clientId,
                    @JsonProperty("access_token") String accessToken,
                    @JsonProperty("expires_at") Instant expiresAt,
                    @JsonProperty("refresh_token") String refreshToken,
                    @JsonProperty("refresh_expires_at") Instant refreshExpiresAt) {

    /** True when the access token still lives at least {@code marginSeconds} after {@code now}. */
    public boolean freshAt(Instant now, long marginSeconds) {
        return accessToken != null && expiresAt != null && now.plusSeconds(marginSeconds).isBefore(expiresAt);
    }

    /** True when there is a refresh token that has not expired at {@code now} (no expiry known: assume it lives). */
    public boolean refreshableAt(Instant now) {
        return refreshToken != null && (refreshExpiresAt == null || now.isBefore(refreshExpiresAt));
    }

    @Override
    public String toString() {
        return "Token[issuer=" + issuer + ", client=" + clientId + ", expires=" + expiresAt + "]";
    }
}
