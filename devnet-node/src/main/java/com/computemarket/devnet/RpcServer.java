package com.computemarket.devnet;

import com.computemarket.chain.protocol.ChainJson;
import com.computemarket.chain.protocol.FieldError;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.protocol.TransactionFormatException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The real node's HTTP RPC on the JDK's HttpServer: same paths, same JSON shapes, FastAPI-style errors
 * ({@code {"detail":"Not Found"}}, 422 with a {@code detail} list). Requests run on a bounded pool; when it is
 * saturated the accepting thread runs the request itself, which slows intake instead of dropping it.
 */
final class RpcServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RpcServer.class.getName());
    /** Bodies above this are refused with 413 before they are parsed. */
    static final int MAX_BODY_BYTES = 128 * 1024;
    private static final long MAX_DRAIN_BYTES = 8L * 1024 * 1024;
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "t", "y");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off", "f", "n");

    private final DevnetChain chain;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;

    RpcServer(DevnetChain chain, String host, int port, int threads) throws IOException {
        this.chain = chain;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                r -> {
                    Thread t = new Thread(r, "devnet-rpc-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        HttpReply reply;
        try {
            reply = route(exchange);
        } catch (HttpReply.Failure f) {
            reply = f.reply();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "request " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " failed", e);
            reply = HttpReply.detail(500, "Internal Server Error");
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    private HttpReply route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        List<String> path = segments(exchange.getRequestURI().getRawPath());
        String first = path.isEmpty() ? "" : path.get(0);
        int n = path.size();
        if (n == 2 && first.equals("tx") && path.get(1).equals("send")) {
            requireMethod(method, "POST");
            return send(readBody(exchange));
        }
        boolean known = (n == 1 && (first.equals("status") || first.equals("validators")))
                || (n == 2 && Set.of("balance", "nonce", "block", "validator").contains(first))
                || (n == 3 && first.equals("tx") && path.get(2).equals("receipt"));
        if (!known) return HttpReply.detail(404, "Not Found");
        requireMethod(method, "GET");
        return switch (first) {
            case "status" -> status();
            case "validators" -> validators();
            case "balance" -> balance(path.get(1));
            case "nonce" -> nonce(path.get(1), query(exchange.getRequestURI().getRawQuery(), "pending"));
            case "block" -> block(path.get(1));
            case "validator" -> validator(path.get(1));
            default -> receipt(path.get(1));
        };
    }

    private HttpReply status() {
        DevnetChain.Status s = chain.status();
        ObjectNode json = ChainJson.mapper().createObjectNode();
        json.put("height", s.height());
        json.put("last_hash", s.lastHash());
        json.put("network", DevnetParams.NETWORK_ID);
        json.put("mempool_size", s.mempoolSize());
        json.put("epoch", 0);
        return HttpReply.ok(json);
    }

    private HttpReply balance(String address) {
        requireAccountAddress(address);
        Accounts.Account account = chain.account(address);
        ObjectNode json = ChainJson.mapper().createObjectNode();
        json.put("address", address);
        json.put("balance", account.balance().toString());
        json.put("nonce", account.nonce());
        return HttpReply.ok(json);
    }

    private HttpReply nonce(String address, String pendingParam) {
        requireAccountAddress(address);
        boolean pending = true;
        if (pendingParam != null) {
            String p = pendingParam.toLowerCase(Locale.ROOT);
            if (TRUE.contains(p)) pending = true;
            else if (FALSE.contains(p)) pending = false;
            else throw invalid("query", "pending", "bool_parsing", "Input should be a valid boolean, unable to interpret input", pendingParam);
        }
        ObjectNode json = ChainJson.mapper().createObjectNode();
        json.put("address", address);
        json.put("nonce", chain.nonce(address, pending));
        json.put("pending", pending);
        return HttpReply.ok(json);
    }

    private HttpReply send(String body) {
        Transaction tx;
        try {
            tx = Transaction.fromJson(body);
        } catch (TransactionFormatException e) {
            return schemaErrors(e.errors());
        }
        DevnetChain.Admission admission = chain.submit(tx);
        ObjectNode json = ChainJson.mapper().createObjectNode();
        json.put("tx_hash", admission.txHash());
        if (admission.rejection() == null) {
            json.put("status", "received");
        } else {
            json.put("status", "rejected");
            json.put("error", admission.rejection());
        }
        return HttpReply.ok(json);
    }

    private HttpReply receipt(String txHash) {
        DevnetChain.Receipt r = chain.receipt(txHash).orElseThrow(() -> fail(404, "Transaction not found"));
        ObjectNode json = ChainJson.mapper().createObjectNode();
        json.put("tx_hash", r.txHash());
        json.put("status", r.status());
        if (r.blockHeight() == null) json.putNull("block_height");
        else json.put("block_height", r.blockHeight());
        json.put("timestamp", r.timestamp());
        if (r.error() == null) json.putNull("error");
        else json.put("error", r.error());
        if (r.blockHeight() != null) json.put("confirmations", chain.status().height() - r.blockHeight() + 1);
        return HttpReply.ok(json);
    }

    private HttpReply block(String heightText) {
        long height;
        try {
            height = Long.parseLong(heightText.strip());
        } catch (NumberFormatException e) {
            throw invalid("path", "height", "int_parsing",
                    "Input should be a valid integer, unable to parse string as an integer", heightText);
        }
        return chain.blockJson(height).map(json -> HttpReply.json(200, json))
                .orElseThrow(() -> fail(404, "Block not found"));
    }

    private HttpReply validators() {
        ObjectNode json = ChainJson.mapper().createObjectNode();
        json.put("epoch", 0);
        json.putArray("validators").add(validatorJson());
        return HttpReply.ok(json);
    }

    private HttpReply validator(String address) {
        if (!address.equals(chain.proposerAddress())) throw fail(404, "Validator not found");
        return HttpReply.ok(validatorJson());
    }

    /** The real node's Validator model, field for field; this devnet fills in what a single validator has. */
    private ObjectNode validatorJson() {
        DevnetChain.ValidatorStats stats = chain.validatorStats();
        ObjectNode v = ChainJson.mapper().createObjectNode();
        v.put("address", chain.proposerAddress());
        v.put("pq_pub_key", chain.validatorKey().publicKeyHex());
        v.put("power", DevnetParams.VALIDATOR_POWER);
        v.put("is_active", true);
        v.put("reward_address", chain.rewardAddress());
        v.put("name", "devnet");
        v.putNull("website");
        v.put("description", "ComputeMarket embedded devnet validator");
        v.put("blocks_proposed", stats.blocksProposed());
        v.put("blocks_expected", stats.blocksProposed());
        v.put("missed_blocks", 0);
        v.put("last_block_height", stats.lastBlockHeight());
        v.put("uptime_score", 1.0);
        v.put("performance_score", 1.0);
        v.put("total_penalties", 0);
        v.put("jailed_until_height", 0);
        v.put("jail_count", 0);
        v.put("joined_height", stats.joinedHeight());
        v.put("last_seen_height", stats.lastBlockHeight());
        v.putArray("unstaking_queue");
        v.put("commission_rate", 0.1);
        v.put("self_stake", DevnetParams.VALIDATOR_POWER);
        v.put("total_delegated", 0);
        v.putArray("delegations");
        return v;
    }

    /**
     * DEVNET: the real node answers any text with a zero balance; this one wants a {@code cpc1…} address (or the
     * treasury pseudo-address), so that a mistyped address shows instead of reading as an empty account.
     */
    private static void requireAccountAddress(String address) {
        if (!TxAdmission.isAccountAddress(address)) {
            throw invalid("path", "address", "value_error", "Value error, not a cpc1 account address", address);
        }
    }

    private static HttpReply schemaErrors(List<FieldError> errors) {
        ObjectNode json = ChainJson.mapper().createObjectNode();
        ArrayNode detail = json.putArray("detail");
        for (FieldError e : errors) {
            ObjectNode item = detail.addObject();
            item.put("type", e.type());
            ArrayNode loc = item.putArray("loc").add("body");
            if (!e.field().isEmpty()) loc.add(e.field());
            item.put("msg", e.message());
        }
        return HttpReply.json(422, json);
    }

    private static HttpReply.Failure invalid(String where, String name, String type, String msg, String input) {
        ObjectNode json = ChainJson.mapper().createObjectNode();
        ObjectNode item = json.putArray("detail").addObject();
        item.put("type", type);
        item.putArray("loc").add(where).add(name);
        item.put("msg", msg);
        item.put("input", input);
        return new HttpReply.Failure(HttpReply.json(422, json));
    }

    private static HttpReply.Failure fail(int status, String detail) {
        return new HttpReply.Failure(HttpReply.detail(status, detail));
    }

    private static void requireMethod(String actual, String expected) {
        if (!actual.equals(expected)) throw fail(405, "Method Not Allowed");
    }

    /**
     * Reads at most {@link #MAX_BODY_BYTES}; a longer body (declared or actual) is a 413 and is not parsed. The
     * rest of an oversized body is read and discarded up to {@link #MAX_DRAIN_BYTES}, so that the client gets to
     * read the 413 instead of a connection reset.
     */
    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String declared = exchange.getRequestHeaders().getFirst("Content-Length");
            if (declared != null && declaredLength(declared) > MAX_BODY_BYTES) {
                drain(in);
                throw tooLarge();
            }
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                drain(in);
                throw tooLarge();
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    // read, not skip: the JDK's fixed-length body stream passes skip() on to the socket, past the body's end
    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[16 * 1024];
        long left = MAX_DRAIN_BYTES;
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) left -= n;
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw fail(400, "Invalid Content-Length");
        }
    }

    private static HttpReply.Failure tooLarge() {
        return fail(413, "Request body too large: the limit is " + MAX_BODY_BYTES + " bytes");
    }

    private static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/", -1)) if (!s.isEmpty()) out.add(percentDecode(s));
        if (rawPath.length() > 1 && rawPath.endsWith("/")) out.add(""); // "/status/" is not "/status"
        return out;
    }

    private static String query(String rawQuery, String name) {
        if (rawQuery == null) return null;
        String value = null;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1).replace('+', ' '));
        }
        return value;
    }

    /** Percent-decoding as UTF-8 ({@code +} stays a plus in paths); a malformed escape is kept as text. */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) return s;
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
