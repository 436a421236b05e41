package com.computemarket.it;

import com.computemarket.workerprotocol.WireCodec;
import com.computemarket.workerprotocol.WireMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test worker on /worker over java.net.http: sends and receives worker-protocol messages. */
final class WorkerClient implements AutoCloseable {

    static final WireCodec CODEC = new WireCodec();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    private WorkerClient(WebSocket socket) {
        this.socket = socket;
    }

    static URI endpoint() {
        // in the server its own offset; on the client side the one the ITs were given
        int port = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", Integer.getInteger("cm.it.port.offset", 0));
        return URI.create("ws://127.0.0.1:" + port + "/worker");
    }

    /** Opens the WebSocket with the token (or none); the future fails with WebSocketHandshakeException when refused. */
    static CompletableFuture<WebSocket> open(String token, WebSocket.Listener listener) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.buildAsync(endpoint(), listener);
    }

    static WorkerClient connect(String token) throws Exception {
        Listener listener = new Listener();
        WorkerClient client = new WorkerClient(open(token, listener).get(10, TimeUnit.SECONDS));
        listener.client = client;
        return client;
    }

    /** Connects and says hello, again when the server answers try-again (as worker-connector does); answers the welcome. */
    static WorkerClient hello(String token, String address, int capacity, String challengeType) throws Exception {
        return hello(token, address, capacity, challengeType, java.util.List.of());
    }

    /** As above, for a worker that holds these catalogue models (inference jobs go only where their model is). */
    static WorkerClient hello(String token, String address, int capacity, String challengeType, java.util.List<String> models) throws Exception {
        WorkerClient client = connect(token);
        for (int attempt = 1; ; attempt++) {
            client.send(new WireMessage.Hello(address, capacity, java.util.List.of(challengeType), models));
            String text = client.received.poll(10, TimeUnit.SECONDS);
            WireMessage reply = text == null ? null : CODEC.decode(text);
            if (reply instanceof WireMessage.Welcome) {
                return client;
            }
            if (!(reply instanceof WireMessage.ErrorMessage error && "try-again".equals(error.code())) || attempt == 5) {
                throw new AssertionError("expected Welcome, got " + text);
            }
            Thread.sleep(200L * attempt);
        }
    }

    void send(WireMessage message) {
        sendText(CODEC.encode(message));
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** The next message from the server, which must be of that type. */
    <T extends WireMessage> T next(Class<T> type, Duration timeout) throws InterruptedException {
        String text = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (text == null) {
            throw new AssertionError("no " + type.getSimpleName() + " within " + timeout);
        }
        WireMessage message = CODEC.decode(text);
        if (!type.isInstance(message)) {
            throw new AssertionError("expected " + type.getSimpleName() + ", got " + text);
        }
        return type.cast(message);
    }

    /** The next message from the server, whatever its type. */
    WireMessage next(Duration timeout) throws InterruptedException {
        String text = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (text == null) {
            throw new AssertionError("no message within " + timeout);
        }
        return CODEC.decode(text);
    }

    /** Nothing arrives within the time. */
    String nothingWithin(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Drops the TCP connection without a close handshake (a crashed worker). */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        volatile WorkerClient client;
        private final StringBuilder partial = new StringBuilder();
        private final BlockingQueue<String> early = new LinkedBlockingQueue<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (client == null) {
                    early.add(text);
                } else {
                    early.drainTo(client.received);
                    client.received.add(text);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
