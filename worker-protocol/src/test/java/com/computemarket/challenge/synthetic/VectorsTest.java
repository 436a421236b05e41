package com.computemarket.challenge.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The spec's test vectors (src/test/resources/synthetic-challenge-vectors.json, copied into
 * docs/protocol/synthetic-challenge.md) recomputed by this implementation: they can never drift. To rewrite the file
 * after a deliberate change of the spec: {@code mvn -o -q -pl worker-protocol test -Dtest=VectorsTest
 * -Dcm.vectors.write=src/test/resources/synthetic-challenge-vectors.json}.
 */
class VectorsTest {

    static final String RESOURCE = "/synthetic-challenge-vectors.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record Case(SyntheticJob job, String nonceHex, String blockHash, int k, int m) {
    }

    static final List<Case> CASES = List.of(
            new Case(new SyntheticJob("1234abcd5678ef90", 4, 0, 3), "00".repeat(32), "11".repeat(32), 3, 2),
            new Case(new SyntheticJob("c0ffee", 8, 7, 1), Hex.of(Generator.sha256("nonce".getBytes())),
                    "000000000000000000000000000000000000000000000000000000000000abcd", 2, 3));

    static JsonNode vectors() {
        ObjectNode root = JSON.createObjectNode();
        root.put("spec", "docs/protocol/synthetic-challenge.md");
        ArrayNode cases = root.putArray("cases");
        for (Case c : CASES) {
            cases.add(vector(c));
        }
        return root;
    }

    private static ObjectNode vector(Case c) {
        SyntheticJob job = c.job();
        int n = job.matrixSize();
        Generator g = job.generator();
        ObjectNode v = JSON.createObjectNode();
        v.put("seed", job.seed());
        v.put("matrix_size", n);
        v.put("first_iteration", job.firstIteration());
        v.put("iterations", job.iterations());
        v.put("key", String.format("%016x", g.key()));
        ArrayNode its = v.putArray("iteration_data");
        List<int[]> rows = new ArrayList<>();
        for (int t = 0; t < job.iterations(); t++) {
            int it = job.firstIteration() + t;
            byte[] a = g.matrixA(it, n);
            byte[] b = g.matrixB(it, n);
            int[] prod = NaiveProduct.multiply(a, b, n);
            ObjectNode o = its.addObject();
            o.put("iteration", it);
            o.set("A", matrix(a, n));
            o.set("B", matrix(b, n));
            ArrayNode cRows = o.putArray("C");
            ArrayNode hashes = o.putArray("row_hashes");
            for (int i = 0; i < n; i++) {
                int[] row = java.util.Arrays.copyOfRange(prod, i * n, i * n + n);
                rows.add(row);
                ArrayNode r = cRows.addArray();
                for (int x : row) {
                    r.add(x);
                }
                hashes.add(Hex.of(RowHash.of(row)));
            }
        }
        ResultCommitment commitment = ResultCommitment.ofRows(job, rows);
        v.put("result_hash", commitment.resultHash());
        byte[] nonce = java.util.HexFormat.of().parseHex(c.nonceHex());
        Challenge challenge = Challenge.derive(job, nonce, c.blockHash(), commitment.resultHash(), c.k(), c.m());
        ObjectNode ch = v.putObject("challenge");
        ch.put("verifier_nonce", c.nonceHex());
        ch.put("block_hash", c.blockHash());
        ch.put("k", c.k());
        ch.put("m", c.m());
        ArrayNode chRows = ch.putArray("rows");
        for (Challenge.ChallengedRow r : challenge.rows()) {
            ObjectNode o = chRows.addObject();
            o.put("leaf_index", r.leafIndex());
            ArrayNode cols = o.putArray("columns");
            for (int j : r.columns()) {
                cols.add(j);
            }
        }
        ArrayNode openings = v.putArray("openings");
        for (Opening op : commitment.open(challenge, challenge.leafIndices().stream().map(rows::get).toList())) {
            ObjectNode o = openings.addObject();
            o.put("leaf_index", op.leafIndex());
            ArrayNode vals = o.putArray("values");
            for (int x : op.values()) {
                vals.add(x);
            }
            ArrayNode path = o.putArray("path");
            op.pathHex().forEach(path::add);
        }
        Verdict verdict = new Verifier().verify(job, commitment.resultHash(), challenge,
                commitment.open(challenge, challenge.leafIndices().stream().map(rows::get).toList()));
        assertTrue(verdict.accepted(), verdict.reason());
        return v;
    }

    private static ArrayNode matrix(byte[] m, int n) {
        ArrayNode rows = JSON.createArrayNode();
        for (int i = 0; i < n; i++) {
            ArrayNode r = rows.addArray();
            for (int j = 0; j < n; j++) {
                r.add((int) m[i * n + j]);
            }
        }
        return rows;
    }

    @Test
    void theVectorsFileIsWhatThisImplementationComputes() throws IOException {
        JsonNode computed = vectors();
        String write = System.getProperty("cm.vectors.write");
        if (write != null) {
            Files.writeString(Path.of(write), JSON.writeValueAsString(computed) + "\n");
        }
        JsonNode stored;
        try (InputStream in = VectorsTest.class.getResourceAsStream(RESOURCE)) {
            stored = JSON.readTree(in);
        }
        assertEquals(stored, computed);
    }

    /** The blocked backend agrees with the vectors too (they are made with the naive product). */
    @Test
    void theBackendReproducesTheResultHashes() throws IOException {
        JsonNode stored;
        try (InputStream in = VectorsTest.class.getResourceAsStream(RESOURCE)) {
            stored = JSON.readTree(in);
        }
        for (int q = 0; q < CASES.size(); q++) {
            assertEquals(stored.get("cases").get(q).get("result_hash").asText(),
                    new CpuBackend().compute(CASES.get(q).job()).resultHash());
        }
    }
}
