package com.computemarket.market.api;

import com.computemarket.market.infrastructure.WorkerLink;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends a session's frames one after another through its async remote (one frame in flight at a time, the rest
 * queued), so neither the dispatch threads nor the hub wait on a slow worker. A worker that lets more than
 * {@link #MAX_QUEUED} frames pile up is disconnected.
 */
final class SessionLink implements WorkerLink {

    static final int MAX_QUEUED = 1000;
    private static final Logger LOG = Logger.getLogger(SessionLink.class.getName());

    private final Session session;
    private final Deque<String> outbox = new ArrayDeque<>();
    private boolean sending;

    SessionLink(Session session) {
        this.session = session;
    }

    @Override
    public void send(String text) {
        synchronized (this) {
            if (outbox.size() >= MAX_QUEUED) {
                outbox.clear();
                close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too many unsent messages");
                return;
            }
            outbox.add(text);
            if (sending) {
                return;
            }
            sending = true;
        }
        sendNext();
    }

    private void sendNext() {
        String text;
        synchronized (this) {
            text = outbox.poll();
            if (text == null || !session.isOpen()) {
                outbox.clear();
                sending = false;
                return;
            }
        }
        try {
            session.getAsyncRemote().sendText(text, result -> {
                if (!result.isOK()) {
                    LOG.log(Level.FINE, "send to worker session " + session.getId() + " failed", result.getException());
                }
                sendNext();
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "send to worker session " + session.getId() + " failed", e);
            synchronized (this) {
                outbox.clear();
                sending = false;
            }
        }
    }

    @Override
    public void close(String reason) {
        close(CloseReason.CloseCodes.VIOLATED_POLICY, reason);
    }

    private void close(CloseReason.CloseCode code, String reason) {
        try {
            // a close reason has at most 123 bytes
            session.close(new CloseReason(code, reason.length() > 120 ? reason.substring(0, 120) : reason));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "closing worker session " + session.getId() + " failed", e);
        }
    }
}
