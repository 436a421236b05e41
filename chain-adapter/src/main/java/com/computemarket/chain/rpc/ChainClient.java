package com.computemarket.chain.rpc;

import com.computemarket.chain.protocol.Block;
import com.computemarket.chain.protocol.ChainFormatException;
import com.computemarket.chain.protocol.ChainJson;
import com.computemarket.chain.protocol.Transaction;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * HTTP client for any ComputeChain node's RPC, given its base URL (e.g. {@code http://127.0.0.1:8000}).
 * Thread-safe. Amounts are read as {@link BigInteger} everywhere. Reads retry with exponential backoff on
 * connection errors and 502/503/504; {@link #send} only ever re-posts the identical signed bytes.
 */
public final class ChainClient {

    private static final Logger LOG = Logger.getLogger(ChainClient.class.getName());

    /**
     * Rejections that depend on what the node already holds: after an attempt that may have landed, they
     * mean "possibly received" (insufficient_balance too, because the node checks balance before nonce, so a
     * landed and executed first attempt can surface as that).
     */
    private static final Set<String> STATEFUL_REJECTIONS = Set.of("already_in_pool", "nonce_too_low",
            "insufficient_balance", "queued_limit_exceeded", "mempool_full", "sender_limit_exceeded");
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(502, 503, 504);

    private final URI baseUrl;
    private final RpcSettings settings;
    private final HttpClient http;

    public ChainClient(URI baseUrl, RpcSettings settings) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ChainClient(URI baseUrl) {
        this(baseUrl, RpcSettings.defaults());
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** {@code GET /status}. */
    public ChainStatus status() {
        JsonNode json = getJson("status").orElseThrow(() -> new ChainRpcException("/status answered 404", 404));
        return new ChainStatus(longField(json, "height"), textField(json, "last_hash"), textField(json, "network"),
                (int) longField(json, "mempool_size"), json.path("epoch").asLong(0));
    }

    /** {@code GET /balance/{address}}: confirmed balance and nonce. */
    public AccountBalance balance(String address) {
        JsonNode json = getJson("balance/" + segment(address))
                .orElseThrow(() -> new ChainRpcException("/balance answered 404", 404));
        return new AccountBalance(address, bigField(json, "balance"), bigField(json, "nonce"));
    }

    /** {@code GET /nonce/{address}}: the pending nonce (first gap over mempool and queue), or the confirmed one. */
    public BigInteger nonce(String address, boolean pending) {
        JsonNode json = getJson("nonce/" + segment(address) + (pending ? "" : "?pending=false"))
                .orElseThrow(() -> new ChainRpcException("/nonce answered 404", 404));
        return bigField(json, "nonce");
    }

    /** {@code GET /tx/{hash}/receipt}; empty for an unknown hash. Unreliable on the real node: see {@link TxReceipt}. */
    public Optional<TxReceipt> receipt(String txHash) {
        return getJson("tx/" + segment(txHash) + "/receipt").map(json -> new TxReceipt(
                textField(json, "tx_hash"), textField(json, "status"), optionalLong(json, "block_height"),
                optionalLong(json, "timestamp"), json.path("error").isTextual() ? json.get("error").textValue() : null,
                optionalLong(json, "confirmations")));
    }

    /** {@code GET /block/{height}}; empty when the node has no such block (404). */
    public Optional<Block> block(long height) {
        return get("block/" + height).map(body -> {
            try {
                return Block.fromJson(body);
            } catch (ChainFormatException e) {
                throw new ChainRpcException("unreadable block " + height + " from " + baseUrl + ": " + e.getMessage(),
                        200, e);
            }
        });
    }

    /** {@code GET /validators}. */
    public List<ValidatorInfo> validators() {
        JsonNode json = getJson("validators").orElseThrow(() -> new ChainRpcException("/validators answered 404", 404));
        List<ValidatorInfo> out = new ArrayList<>();
        for (JsonNode v : json.path("validators")) out.add(validatorOf(v));
        return out;
    }

    /** {@code GET /validator/{address}}; empty when the node does not know it. */
    public Optional<ValidatorInfo> validator(String address) {
        return getJson("validator/" + segment(address)).map(ChainClient::validatorOf);
    }

    /**
     * {@code POST /tx/send} with {@code signedTx.toJson()}. Retries post the identical bytes (same hash, same
     * nonce: a retry can never spend twice, and this method never signs anything).
     *
     * @return RECEIVED, or POSSIBLY_RECEIVED when an attempt may have landed and a retry was refused for a
     *         reason that follows from it (already_in_pool, nonce_too_low, …): confirm by block scan
     * @throws TxRejectedException       the node refused it (reason verbatim, with the tx hash)
     * @throws InvalidRequestException   422: the node's schema refused the body
     * @throws NodeUnreachableException  no answer after all attempts; see {@code possiblyReceived()}
     * @throws ChainRpcException         the node hashed the transaction differently, or another HTTP error
     */
    public SendOutcome send(Transaction signedTx) {
        if (!signedTx.isSigned()) throw new IllegalArgumentException("transaction is not signed");
        String hash = signedTx.hash();
        byte[] body = signedTx.toJson().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = request("tx/send")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        boolean mayHaveLanded = false;
        Exception last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) backoff(attempt, "POST /tx/send " + hash, last);
            Attempt tried = attempt(request, "POST /tx/send " + hash, hash);
            if (tried.failure() != null) {
                last = tried.failure();
                mayHaveLanded |= tried.mayHaveArrived();
                continue;
            }
            HttpResponse<String> response = tried.response();
            JsonNode json = answer(response, "/tx/send");
            String nodeHash = json.path("tx_hash").asText("");
            if (!hash.equals(nodeHash)) {
                throw new ChainRpcException("node hashed tx " + hash + " as " + nodeHash
                        + ": this client's encoding and the node's disagree", response.statusCode());
            }
            String status = json.path("status").asText("");
            if (status.equals("received")) return new SendOutcome(hash, SendOutcome.Delivery.RECEIVED, null);
            if (!status.equals("rejected")) {
                throw new ChainRpcException("unexpected /tx/send status '" + status + "' for " + hash, 200);
            }
            String reason = json.path("error").asText("");
            if (mayHaveLanded && STATEFUL_REJECTIONS.contains(reason)) {
                LOG.info(() -> "tx " + hash + ": retry answered " + reason + "; it may have been received earlier");
                return new SendOutcome(hash, SendOutcome.Delivery.POSSIBLY_RECEIVED, reason);
            }
            throw new TxRejectedException(hash, reason);
        }
        throw new NodeUnreachableException("no answer from " + baseUrl + " to POST /tx/send " + hash + " after "
                + settings.maxAttempts() + " attempts", hash, mayHaveLanded, last);
    }

    private Optional<JsonNode> getJson(String path) {
        return get(path).map(body -> parse(body, path));
    }

    /** GET with retries; empty on 404, the body on 200, an exception otherwise. */
    private Optional<String> get(String path) {
        HttpRequest request = request(path).GET().build();
        Exception last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) backoff(attempt, "GET /" + path, last);
            Attempt tried = attempt(request, "GET /" + path, null);
            if (tried.failure() != null) {
                last = tried.failure();
                continue;
            }
            HttpResponse<String> response = tried.response();
            int code = response.statusCode();
            if (code == 404) return Optional.empty();
            answer(response, "/" + path);
            return Optional.of(response.body());
        }
        throw new NodeUnreachableException("no answer from " + baseUrl + " to GET /" + path + " after "
                + settings.maxAttempts() + " attempts", last);
    }

    /**
     * One request: an answer, or a failure worth retrying (no connection, a timeout, 502/503/504) with whether
     * the request may have reached the node anyway.
     */
    private record Attempt(HttpResponse<String> response, Exception failure, boolean mayHaveArrived) {
    }

    /** @param txHash the transaction being sent, for the exception if the thread is interrupted; null for reads */
    private Attempt attempt(HttpRequest request, String what, String txHash) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            return new Attempt(null, e, false); // never reached the node
        } catch (IOException e) {
            return new Attempt(null, e, true); // the request may have arrived before the connection broke
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeUnreachableException("interrupted during " + what, txHash, txHash != null, e);
        }
        int code = response.statusCode();
        if (RETRYABLE_STATUS.contains(code)) {
            // a gateway (502/504) may have passed the request on; 503 is the node's own "not initialized"
            return new Attempt(null, new ChainRpcException("HTTP " + code, code), code != 503);
        }
        return new Attempt(response, null, false);
    }

    /** The body of a 200 as JSON; 422 and other statuses become exceptions carrying FastAPI's {@code detail}. */
    private JsonNode answer(HttpResponse<String> response, String what) {
        int code = response.statusCode();
        if (code == 200) return parse(response.body(), what);
        JsonNode detail = null;
        try {
            detail = ChainJson.parse(response.body()).get("detail");
        } catch (ChainFormatException e) {
            // not JSON: report the status and the text below
        }
        String text = detail == null ? abbreviate(response.body()) : detail.toString();
        if (code == 422) throw new InvalidRequestException(what + " refused by the node's schema (422): " + text, detail);
        throw new ChainRpcException(what + " answered HTTP " + code + ": " + text, code);
    }

    private JsonNode parse(String body, String what) {
        try {
            return ChainJson.parse(body);
        } catch (ChainFormatException e) {
            throw new ChainRpcException(what + " answered unreadable JSON: " + e.getMessage(), 200, e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(settings.readTimeout())
                .header("Accept", "application/json");
    }

    private void backoff(int attempt, String what, Exception cause) {
        long max = settings.initialBackoff().toMillis() << Math.min(attempt - 2, 20);
        long ceiling = Math.min(max, settings.maxBackoff().toMillis());
        long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1); // jitter spreads retries
        LOG.log(Level.FINE, () -> what + " failed (" + cause + "); attempt " + attempt + " in " + delay + "ms");
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeUnreachableException("interrupted while waiting to retry " + what, e);
        }
    }

    private static ValidatorInfo validatorOf(JsonNode v) {
        return new ValidatorInfo(textField(v, "address"), v.path("pq_pub_key").asText(null), bigField(v, "power"),
                v.path("is_active").asBoolean(false), v.path("reward_address").isTextual()
                ? v.get("reward_address").textValue() : null, v);
    }

    /** Percent-encodes a path segment (addresses and hashes are plain ASCII; anything else is escaped). */
    static String segment(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static String textField(JsonNode json, String name) {
        JsonNode v = json.get(name);
        if (v == null || !v.isTextual()) throw malformed(name, "a string", v);
        return v.textValue();
    }

    private static long longField(JsonNode json, String name) {
        JsonNode v = json.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) throw malformed(name, "an integer", v);
        return v.longValue();
    }

    /** A JSON integer of any size, or a decimal string (as {@code /balance} sends the balance). */
    private static BigInteger bigField(JsonNode json, String name) {
        JsonNode v = json.get(name);
        if (v != null && v.isIntegralNumber()) return v.bigIntegerValue();
        if (v != null && v.isTextual()) {
            try {
                return new BigInteger(v.textValue());
            } catch (NumberFormatException e) {
                throw malformed(name, "a decimal integer", v);
            }
        }
        throw malformed(name, "an integer", v);
    }

    private static Long optionalLong(JsonNode json, String name) {
        JsonNode v = json.get(name);
        return v == null || v.isNull() ? null : longField(json, name);
    }

    private static ChainRpcException malformed(String field, String expected, JsonNode actual) {
        return new ChainRpcException("node answer: field " + field + " should be " + expected + ", got "
                + (actual == null ? "nothing" : abbreviate(actual.toString())), 200);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
