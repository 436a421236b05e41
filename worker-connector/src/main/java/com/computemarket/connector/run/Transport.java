package com.computemarket.connector.run;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** The port to a WebSocket: the JDK's in production, a fake in tests. */
public interface Transport {

    /** Opens a socket with {@code Authorization: Bearer token}; blocks until open or failed. */
    Connection connect(URI uri, String bearer, Listener listener) throws ConnectFailure;

    interface Connection {
        /** Sends one text frame; sends are queued in order. */
        CompletableFuture<Void> send(String text);

        /** A normal closure with a reason. */
        void close(String reason);
    }

    /** Called on the transport's threads, one message at a time. */
    interface Listener {
        void onText(String text);

        void onClosed(int status, String reason);

        void onError(Throwable error);
    }

    /** The handshake did not open a socket: {@code status} is the HTTP status when there was an answer, else 0. */
    final class ConnectFailure extends Exception {
        private final int status;

        public ConnectFailure(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
