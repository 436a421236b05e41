package com.computemarket.connector.run;

import com.computemarket.connector.net.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link Transport} over {@code java.net.http.WebSocket}. */
public final class JdkWebSocketTransport implements Transport {

    private final HttpClient client;

    public JdkWebSocketTransport(HttpClient client) {
        this.client = client;
    }

    @Override
    public Connection connect(URI uri, String bearer, Listener listener) throws ConnectFailure {
        Adapter adapter = new Adapter(listener);
        WebSocket socket;
        try {
            socket = client.newWebSocketBuilder().header("Authorization", "Bearer " + bearer)
                    .connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, adapter).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WebSocketHandshakeException h) {
                int status = h.getResponse().statusCode();
                throw new ConnectFailure(status, "the handshake was answered with HTTP " + status, h);
            }
            throw new ConnectFailure(0, Http.reason(cause == null ? e : cause), cause);
        } catch (TimeoutException e) {
            throw new ConnectFailure(0, "no answer to the handshake in 20 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectFailure(0, "interrupted", e);
        }
        return new Sender(socket);
    }

    private static final class Sender implements Connection {
        private final WebSocket socket;
        private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

        Sender(WebSocket socket) {
            this.socket = socket;
        }

        /** java.net.http allows one outstanding send; later ones wait behind it. */
        @Override
        public synchronized CompletableFuture<Void> send(String text) {
            CompletableFuture<Void> sent = tail.handle((r, e) -> null)
                    .thenCompose(x -> socket.isOutputClosed()
                            ? CompletableFuture.<WebSocket>failedFuture(new IllegalStateException("socket closed"))
                            : socket.sendText(text, true))
                    .thenApply(ws -> null);
            tail = sent;
            return sent;
        }

        @Override
        public synchronized void close(String reason) {
            tail.handle((r, e) -> null).thenCompose(x -> socket.isOutputClosed()
                    ? CompletableFuture.completedFuture(socket)
                    : socket.sendClose(WebSocket.NORMAL_CLOSURE, reason))
                    .orTimeout(5, TimeUnit.SECONDS)
                    .whenComplete((ws, e) -> socket.abort());
        }
    }

    private static final class Adapter implements WebSocket.Listener {
        private final Listener listener;
        private final StringBuilder partial = new StringBuilder();

        Adapter(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                listener.onText(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            listener.onClosed(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            listener.onError(error);
        }
    }
}
