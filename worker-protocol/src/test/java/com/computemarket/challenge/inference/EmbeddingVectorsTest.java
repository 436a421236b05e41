package com.computemarket.challenge.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The spec's test vectors (src/test/resources/embedding-challenge-vectors.json; docs/protocol/inference.md copies the
 * hashes): from the inputs and the real all-MiniLM-L6-v2 vectors stored there, the records, leaves, result_hash,
 * challenge and paths are recomputed and must match. The file is written by inference-engine's
 * ProtocolVectorsTest (the vectors, computed by the engine), completed by {@link #completeAFileWhenAsked}.
 */
class EmbeddingVectorsTest {

    static final String RESOURCE = "/embedding-challenge-vectors.json";

    /** The vectors file for a job, its vectors, a nonce, a block hash and k. */
    static ObjectNode vectors(EmbeddingJob job, List<float[]> vectors, byte[] nonce, String blockHash, int k) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("spec", "docs/protocol/inference.md");
        root.set("payload", job.toPayload());
        EmbeddingCommitment c = EmbeddingCommitment.of(job, vectors);
        ArrayNode items = root.putArray("items");
        for (ItemRecord r : c.records()) {
            ObjectNode item = items.addObject();
            item.put("index", r.index());
            item.put("input_sha256", Digests.hex(r.inputSha256()));
            item.put("vector_f32le_base64", c.open(r.index()).vectorBase64());
            item.put("vector_sha256", Digests.hex(r.outputSha256()));
            item.put("record", Digests.hex(r.canonicalBytes()));
            item.put("leaf", Digests.hex(r.leafHash()));
        }
        root.put("result_hash", c.resultHash());
        EmbeddingChallenge challenge = EmbeddingChallenge.derive(job.size(), k, nonce, blockHash, c.resultHash());
        ObjectNode ch = root.putObject("challenge");
        ch.put("verifier_nonce", Digests.hex(nonce));
        ch.put("block_hash", blockHash);
        ch.put("k", k);
        ArrayNode indices = ch.putArray("indices");
        challenge.indices().forEach(indices::add);
        ArrayNode openings = root.putArray("openings");
        for (EmbeddingOpening o : c.open(challenge.indices())) {
            ObjectNode on = openings.addObject();
            on.put("index", o.index());
            ArrayNode path = on.putArray("path");
            o.pathHex().forEach(path::add);
        }
        return root;
    }

    /** -Dcm.vectors.complete=<file>: reads the payload and vectors there and writes the whole vectors file back. */
    @Test
    void completeAFileWhenAsked() throws IOException {
        String path = System.getProperty("cm.vectors.complete");
        if (path == null) {
            return;
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode partial = json.readTree(new File(path));
        EmbeddingJob job = EmbeddingJob.fromPayload(partial.get("payload"));
        List<float[]> vectors = storedVectors(partial);
        Files.writeString(Path.of(path), json.writerWithDefaultPrettyPrinter()
                .writeValueAsString(vectors(job, vectors, new byte[32], "11".repeat(32), 2)) + "\n");
    }

    static List<float[]> storedVectors(JsonNode file) {
        List<float[]> vectors = new ArrayList<>();
        file.get("items").forEach(i -> vectors.add(EmbeddingOpening.ofBase64(0, i.get("vector_f32le_base64").textValue(),
                List.of()).vector()));
        return vectors;
    }

    static JsonNode stored() throws IOException {
        try (InputStream in = EmbeddingVectorsTest.class.getResourceAsStream(RESOURCE)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void theStoredVectorsAreWhatThisImplementationDerives() throws IOException {
        JsonNode stored = stored();
        EmbeddingJob job = EmbeddingJob.fromPayload(stored.get("payload"));
        List<float[]> vectors = storedVectors(stored);
        JsonNode ch = stored.get("challenge");
        byte[] nonce = Digests.unhex("nonce", ch.get("verifier_nonce").textValue(), 32);
        assertEquals(stored, vectors(job, vectors, nonce, ch.get("block_hash").textValue(), ch.get("k").intValue()));
        vectors.forEach(v -> assertEquals(1.0, Comparison.norm(v), 1e-6));
    }

    @Test
    void theStoredOpeningsPassTheVerifierWithTheStoredVectorsAsTheReexecution() throws IOException {
        JsonNode stored = stored();
        EmbeddingJob job = EmbeddingJob.fromPayload(stored.get("payload"));
        List<float[]> vectors = storedVectors(stored);
        Reexecution lookup = (model, inputs) -> inputs.stream().map(s -> vectors.get(job.inputs().indexOf(s))).toList();
        List<Integer> indices = new ArrayList<>();
        stored.get("challenge").get("indices").forEach(i -> indices.add(i.intValue()));
        List<EmbeddingOpening> openings = new ArrayList<>();
        for (JsonNode o : stored.get("openings")) {
            List<String> path = new ArrayList<>();
            o.get("path").forEach(p -> path.add(p.textValue()));
            openings.add(EmbeddingOpening.ofBase64(o.get("index").intValue(),
                    stored.get("items").get(o.get("index").intValue()).get("vector_f32le_base64").textValue(), path));
        }
        Verdict v = new EmbeddingVerifier(lookup, Comparison.EXACT).verify(job, stored.get("result_hash").textValue(),
                new EmbeddingChallenge(indices), openings);
        assertTrue(v.accepted(), v.reason());
    }
}
