package com.computemarket.portal;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs out here and at the provider (RP-initiated logout): ends the portal session, then sends the browser to
 * Keycloak's end-session endpoint with the ID token, which ends the SSO session and comes back to a public page.
 * A POST only, so that a link on another site cannot sign a user out.
 */
@WebServlet("/sign-out")
public class LogoutServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(LogoutServlet.class.getName());

    @Inject
    @ConfigProperty(name = "cm.oidc.url", defaultValue = "http://127.0.0.1:8180/realms/computemarket")
    String providerUrl;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String idToken = request.getUserPrincipal() == null ? null : OidcTokens.idToken(request.getUserPrincipal());
        String user = request.getRemoteUser();
        request.logout();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        String back = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/signed-out.xhtml";
        StringBuilder end = new StringBuilder(providerUrl).append("/protocol/openid-connect/logout?post_logout_redirect_uri=")
                .append(enc(back));
        if (idToken != null) {
            end.append("&id_token_hint=").append(enc(idToken));
        }
        LOG.info(() -> "portal user " + user + " signed out");
        response.sendRedirect(end.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
