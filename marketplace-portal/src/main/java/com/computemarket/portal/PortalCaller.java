package com.computemarket.portal;

import com.computemarket.shared.Caller;
import com.computemarket.shared.CallerClaims;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * The {@link Caller} of a portal request: roles as the container maps them from the token (realm roles, like the
 * API), claims from the session's access token. elytron-oidc-client verified the token when it logged the user in and
 * refreshes it; here we only read it.
 */
@RequestScoped
public class PortalCaller {

    @Inject HttpServletRequest request;

    @Produces
    Caller caller() {
        return current();
    }

    /** The caller of the current request (servlets call this per request; they must not keep a Caller). */
    public Caller current() {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            throw new IllegalStateException("the portal is only served to signed-in users");
        }
        var claims = CallerClaims.payload(OidcTokens.accessToken(principal))
                .orElseThrow(() -> new IllegalStateException("the session's access token is not a JWT"));
        return CallerClaims.caller(claims, CallerClaims.roles(request::isUserInRole));
    }
}
