package com.computemarket.web.security;

import com.computemarket.shared.Caller;
import com.computemarket.shared.CallerClaims;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;

/**
 * Builds the {@link Caller} of a request. elytron-oidc-client has already verified the bearer token (signature,
 * issuer, audience, expiry) before any resource runs; here we only read its claims.
 */
@RequestScoped
public class CallerProducer {

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
        return CallerClaims.caller(claims(request.getHeader("Authorization")), CallerClaims.roles(request::isUserInRole));
    }

    /** The claims of a (verified) compact JWS; package-private for the WebSocket handshake and tests. */
    public static JsonObject claims(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new NotAuthorizedException("a bearer token is required", "Bearer");
        }
        return CallerClaims.payload(authorization.substring(7))
                .orElseThrow(() -> new NotAuthorizedException("the bearer token is not a JWT", "Bearer"));
    }
}
