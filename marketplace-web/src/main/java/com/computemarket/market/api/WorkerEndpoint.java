package com.computemarket.market.api;

import com.computemarket.market.application.JobDispatch;
import com.computemarket.market.infrastructure.WorkerConversation;
import com.computemarket.market.infrastructure.WorkerHub;
import com.computemarket.verification.application.ResultVerification;
import com.computemarket.workers.application.WorkerDirectory;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The worker WebSocket {@code /worker} (protocol: worker-protocol's WireMessage). Authenticated by the same Keycloak
 * bearer token as the API, on the upgrade request. Frames above {@link #MAX_FRAME_CHARS} close the session (1009);
 * smaller frames above the codec's limit, or malformed ones, get an error message and the session stays open.
 */
@ServerEndpoint(value = "/worker", configurator = WorkerHandshake.class)
public class WorkerEndpoint {

    /** Hard limit of the container; the codec answers frames between its own limit and this one with an error. */
    static final int MAX_FRAME_CHARS = 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(WorkerEndpoint.class.getName());

    @Inject WorkerHub hub;
    @Inject JobDispatch dispatch;
    @Inject WorkerDirectory directory;
    @Inject ResultVerification verification;
    @Inject @ConfigProperty(name = "cm.dispatch.lease-ttl", defaultValue = "PT30S")
    Duration leaseTtl;
    /** A connection silent (both ways) this long is closed; its leases then expire unless it comes back in time. */
    @Inject @ConfigProperty(name = "cm.worker.idle-timeout", defaultValue = "PT60S")
    Duration idleTimeout;

    private WorkerConversation conversation;

    @OnOpen
    public void open(Session session, EndpointConfig config) throws IOException {
        Object operator = config.getUserProperties().get(WorkerHandshake.OPERATOR);
        if (operator == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "a worker's bearer token is required"));
            return;
        }
        session.setMaxIdleTimeout(idleTimeout.toMillis());
        conversation = new WorkerConversation((String) operator, new SessionLink(session), hub, dispatch, directory, verification, leaseTtl);
        LOG.fine(() -> "worker session " + session.getId() + " opened by " + config.getUserProperties().get(WorkerHandshake.USERNAME));
    }

    @OnMessage(maxMessageSize = MAX_FRAME_CHARS)
    public void message(String text) {
        if (conversation != null) {
            conversation.onText(text);
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        if (conversation != null) {
            conversation.closed();
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        LOG.log(Level.FINE, "worker session " + session.getId() + " failed", error);
    }
}
