package com.computemarket.connector.enrol;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.crypto.Hashes;
import com.computemarket.connector.cli.CliException;
import com.computemarket.connector.cli.ExitCodes;
import com.computemarket.connector.cli.ServerOptions;
import com.computemarket.connector.net.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/protocol/worker-enrolment.md from the worker's side: ask for a nonce bound to the address, sign
 * sha256(message) with the key, send address, public key, signature, nonce, GPUs and challenge types.
 */
public final class Enrolment {

    /** What the server answered: the worker's id. */
    public record Enrolled(String workerId) {
    }

    private final Http http;
    private final ServerOptions server;

    public Enrolment(Http http, ServerOptions server) {
        this.http = http;
        this.server = server;
    }

    public Enrolled enrol(ChainKey key, String bearer, List<Map<String, Object>> gpus, List<String> challengeTypes) {
        String address = key.address();
        Http.Reply challenge = http.postJson(server.api("api/workers/enrolment-challenges"), Map.of("address", address), bearer,
                "the marketplace");
        if (challenge.status() != 201) {
            throw refused("the enrolment challenge", challenge);
        }
        JsonNode c = challenge.json();
        String message = c.path("message").asText("");
        String nonce = c.path("nonce").asText("");
        if (message.isEmpty() || nonce.isEmpty() || !message.contains("address: " + address)) {
            throw new CliException(ExitCodes.REFUSED, "the marketplace's enrolment challenge has no usable message or nonce");
        }
        byte[] signature = key.sign(Hashes.sha256(message.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("address", address);
        body.put("public_key", key.publicKeyHex());
        body.put("signature", HexFormat.of().formatHex(signature));
        body.put("nonce", nonce);
        body.put("gpus", gpus);
        body.put("challenge_types", challengeTypes);
        Http.Reply enrolled = http.postJson(server.api("api/workers"), body, bearer, "the marketplace");
        if (enrolled.status() != 201) {
            throw refused("the enrolment", enrolled);
        }
        return new Enrolled(enrolled.json().path("id").asText(""));
    }

    /** One line from a refusal: the problem+json detail and its slug, or what the status means here. */
    static CliException refused(String what, Http.Reply reply) {
        JsonNode p = reply.json();
        String detail = p.path("detail").asText("");
        String type = p.path("type").asText("");
        String slug = type.isEmpty() ? "" : type.substring(type.lastIndexOf('/') + 1);
        if (reply.status() == 401) {
            return new CliException(ExitCodes.REFUSED, "the marketplace refused " + what + ": the login was not accepted (401); "
                    + "run `worker-connector login` again");
        }
        if (reply.status() == 403 && detail.isEmpty()) {
            return new CliException(ExitCodes.REFUSED, "the marketplace refused " + what + ": the login has no worker role (403)");
        }
        if (reply.status() == 404 && detail.isEmpty()) {
            return new CliException(ExitCodes.REFUSED, "the marketplace refused " + what + ": no such endpoint (404); check --server");
        }
        return new CliException(ExitCodes.REFUSED, "the marketplace refused " + what + " (" + reply.status()
                + (slug.isEmpty() ? "" : " " + slug) + ")" + (detail.isEmpty() ? "" : ": " + detail));
    }
}
