package com.computemarket.load;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.crypto.Hashes;
import com.computemarket.workerprotocol.WireCodec;
import com.computemarket.workerprotocol.WireFormatException;
import com.computemarket.workerprotocol.WireMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * One simulated worker: a fresh secp256k1 key, enrolled through the API by its operator, connected to {@code /worker}
 * with the operator's bearer token; it answers every pushed job at once with a result (sha256 of the payload) and
 * heartbeats at the interval the server asks for.
 */
final class SimWorker implements WebSocket.Listener {

    private static final WireCodec CODEC = new WireCodec();
    private static final SecureRandom RANDOM = new SecureRandom();

    final String operator;
    final ChainKey key = ChainKey.generate(RANDOM);
    final String address = key.address();
    private final Stats stats;
    private final List<String> challengeTypes;
    /** Catalogue models announced in hello (inference jobs come only for these). */
    private final List<String> models;
    private final int capacity;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<WireMessage.Welcome> welcomed = new CompletableFuture<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Map<String, LongAdder> protocolErrors;
    private volatile WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> heartbeat;
    volatile String closeReason;

    SimWorker(String operator, int capacity, List<String> challengeTypes, List<String> models, Stats stats,
              Map<String, LongAdder> protocolErrors) {
        this.models = models;
        this.operator = operator;
        this.capacity = capacity;
        this.challengeTypes = challengeTypes;
        this.stats = stats;
        this.protocolErrors = protocolErrors;
    }

    /** POST /api/workers/enrolment-challenges, sign sha256(message), POST /api/workers; answers the worker id. */
    String enrol(Rest rest) {
        Rest.Reply challenge = rest.post(operator, "api/workers/enrolment-challenges", Map.of("address", address));
        if (challenge.status() != 201) {
            throw new IllegalStateException("enrolment challenge for " + operator + ": " + challenge);
        }
        JsonNode c = challenge.json();
        String message = c.get("message").asText();
        byte[] signature = key.sign(Hashes.sha256(message.getBytes(StandardCharsets.UTF_8)));
        Rest.Reply enrolled = rest.post(operator, "api/workers", Map.of(
                "address", address,
                "public_key", key.publicKeyHex(),
                "signature", HexFormat.of().formatHex(signature),
                "nonce", c.get("nonce").asText(),
                "gpus", List.of(Map.of("model", "Simulated GPU", "memory_mb", 24576, "compute_capability", "8.9", "driver", "550.54.14")),
                "challenge_types", challengeTypes));
        if (enrolled.status() != 201) {
            throw new IllegalStateException("enrolment of " + address + " by " + operator + ": " + enrolled);
        }
        return enrolled.json().path("id").asText();
    }

    /** Opens the socket, says hello, waits for welcome and starts heartbeats. */
    void connect(HttpClient http, URI uri, String token, ScheduledExecutorService timers) throws Exception {
        socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, this).get(20, TimeUnit.SECONDS);
        send(new WireMessage.Hello(address, capacity, challengeTypes, models));
        WireMessage.Welcome welcome = welcomed.get(20, TimeUnit.SECONDS);
        long every = welcome.heartbeatIntervalMs() > 0 ? welcome.heartbeatIntervalMs() : 10_000;
        heartbeat = timers.scheduleAtFixedRate(() -> send(new WireMessage.Heartbeat()), every, every, TimeUnit.MILLISECONDS);
    }

    /** One send outstanding at a time, as java.net.http.WebSocket requires; later sends queue behind it. */
    private void send(WireMessage message) {
        String text = CODEC.encode(message);
        synchronized (this) {
            WebSocket ws = socket;
            if (ws == null || ws.isOutputClosed()) {
                return;
            }
            sending = sending.handle((r, e) -> null).thenCompose(x -> ws.sendText(text, true));
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long received = System.nanoTime();
        String text;
        if (!last || !partial.isEmpty()) {
            partial.append(data);
            if (!last) {
                webSocket.request(1);
                return null;
            }
            text = partial.toString();
            partial.setLength(0);
        } else {
            text = data.toString();
        }
        try {
            handle(CODEC.decode(text), received);
        } catch (WireFormatException e) {
            count("undecodable:" + e.code());
        }
        webSocket.request(1);
        return null;
    }

    /** An inference job's output must fit it (one 384-float vector per input): zeros, the simulation computes nothing. */
    private static JsonNode output(WireMessage.JobAssignment job) {
        JsonNode inputs = job.payload().get("inputs");
        if (inputs == null) {
            return null;
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode().put("kind", "embedding");
        String zero = Base64.getEncoder().encodeToString(new byte[4 * 384]);
        for (int i = 0; i < inputs.size(); i++) {
            output.withArray("vectors").add(zero);
        }
        output.putArray("truncated");
        return output;
    }

    private void handle(WireMessage message, long received) {
        if (message instanceof WireMessage.JobAssignment job) {
            stats.dispatched(job.taskId(), received);
            String hash = HexFormat.of().formatHex(Hashes.sha256(job.payload().toString().getBytes(StandardCharsets.UTF_8)));
            send(new WireMessage.JobResult(job.jobId(), address, hash, null, output(job)));
        } else if (message instanceof WireMessage.ResultAck ack) {
            if (WireMessage.ResultAck.ACCEPTED.equals(ack.outcome())) {
                stats.resultsAccepted.increment();
            } else {
                stats.resultsDuplicate.increment();
            }
        } else if (message instanceof WireMessage.Welcome welcome) {
            welcomed.complete(welcome);
        } else if (message instanceof WireMessage.ErrorMessage error) {
            count("error:" + error.code());
            if (!welcomed.isDone()) {
                welcomed.completeExceptionally(new IllegalStateException("hello refused: " + error.code() + " " + error.detail()));
            }
        } else {
            count("unexpected:" + message.getClass().getSimpleName());
        }
    }

    private void count(String what) {
        protocolErrors.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = statusCode + " " + reason;
        if (!closing.get()) {
            count("closed-by-server:" + statusCode);
        }
        welcomed.completeExceptionally(new IllegalStateException("closed by the server: " + closeReason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeReason = String.valueOf(error);
        if (!closing.get()) {
            count("socket-error:" + error.getClass().getSimpleName());
        }
        welcomed.completeExceptionally(error);
    }

    void close() {
        closing.set(true);
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        WebSocket ws = socket;
        if (ws != null) {
            synchronized (this) {
                sending.handle((r, e) -> null).thenCompose(x -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "load run over"));
            }
        }
    }
}
