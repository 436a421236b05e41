package com.computemarket.portal;

import java.lang.reflect.Method;
import java.security.Principal;

/**
 * The tokens of the signed-in session, from elytron-oidc-client's principal ({@code OidcPrincipal} →
 * {@code OidcSecurityContext}). Read reflectively: the classes come from the server's elytron-http-oidc module at run
 * time, and its Maven artifact does not resolve cleanly from Maven Central (its POM drags in test artifacts); two
 * public getters are all we need.
 */
final class OidcTokens {

    private OidcTokens() {
    }

    static String accessToken(Principal principal) {
        return token(principal, "getTokenString");
    }

    static String idToken(Principal principal) {
        return token(principal, "getIDTokenString");
    }

    private static String token(Principal principal, String getter) {
        try {
            Method context = principal.getClass().getMethod("getOidcSecurityContext");
            Object security = context.invoke(principal);
            Object token = security.getClass().getMethod(getter).invoke(security);
            if (token == null) {
                throw new IllegalStateException("the OIDC session holds no " + getter.substring(3));
            }
            return token.toString();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("not an OIDC session principal: " + principal.getClass().getName(), e);
        }
    }
}
