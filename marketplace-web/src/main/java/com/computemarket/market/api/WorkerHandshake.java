package com.computemarket.market.api;

import com.computemarket.shared.Caller;
import com.computemarket.shared.CallerClaims;
import com.computemarket.web.security.CallerProducer;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries the caller of the upgrade request into the WebSocket session. elytron-oidc-client has already verified the
 * bearer token (web.xml puts /worker under a constraint for the worker role: no or a bad token is 401, another role
 * 403), so this only reads its claims. The properties are per connection (Undertow copies the config per handshake).
 */
public class WorkerHandshake extends ServerEndpointConfig.Configurator {

    static final String OPERATOR = "cm.worker.operator";
    static final String USERNAME = "cm.worker.username";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        if (request.getUserPrincipal() == null || !request.isUserInRole(Caller.WORKER)) {
            return; // the endpoint closes such a session at once
        }
        Caller caller = CallerClaims.caller(CallerProducer.claims(header(request.getHeaders(), "Authorization")),
                Set.of(Caller.WORKER));
        config.getUserProperties().put(OPERATOR, caller.subject());
        config.getUserProperties().put(USERNAME, caller.username());
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
