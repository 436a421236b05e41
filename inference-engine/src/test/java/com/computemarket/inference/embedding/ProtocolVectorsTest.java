package com.computemarket.inference.embedding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.challenge.inference.Comparison;
import com.computemarket.challenge.inference.EmbeddingJob;
import com.computemarket.challenge.inference.EmbeddingModel;
import com.computemarket.challenge.inference.EmbeddingOpening;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine reproduces the vectors of worker-protocol's embedding-challenge-vectors.json (the spec's test vectors).
 * Checked to cosine ≥ 1 − 1e-6 (on this machine they are bit-identical, printed): another CPU may round differently.
 * To rewrite the file after a deliberate change: {@code -Dcm.vectors.write=<path>} here (payload and vectors), then
 * worker-protocol's EmbeddingVectorsTest with {@code -Dcm.vectors.complete=<path>} (records, root, challenge, paths).
 */
class ProtocolVectorsTest {

    static final Path FILE = Path.of("../worker-protocol/src/test/resources/embedding-challenge-vectors.json");
    static final List<String> INPUTS = List.of("The cat sits on the mat.", "ComputeMarket pays for useful work.",
            "Ünïcode ✅ 東京");

    @Test
    void theEngineReproducesTheSpecsVectors() throws Exception {
        List<float[]> vectors = Models.fp32().embed(INPUTS).stream().map(Embedding::vector).toList();
        String write = System.getProperty("cm.vectors.write");
        if (write != null) {
            Files.writeString(Path.of(write), writeVectors(vectors));
            return;
        }
        JsonNode stored = new ObjectMapper().readTree(FILE.toFile());
        int identical = 0;
        for (int i = 0; i < INPUTS.size(); i++) {
            float[] v = EmbeddingOpening.ofBase64(i, stored.get("items").get(i).get("vector_f32le_base64").textValue(),
                    List.of()).vector();
            assertTrue(Comparison.TOLERANT.mismatch(vectors.get(i), v) == null, "item " + i);
            identical += Arrays.equals(v, vectors.get(i)) ? 1 : 0;
        }
        System.out.printf("spec vectors: %d of %d bit-identical on this machine%n", identical, INPUTS.size());
    }

    /** payload and vectors only: worker-protocol's EmbeddingVectorsTest (-Dcm.vectors.complete=<path>) adds the rest. */
    private static String writeVectors(List<float[]> vectors) throws Exception {
        ObjectMapper json = new ObjectMapper();
        var root = json.createObjectNode();
        root.set("payload", new EmbeddingJob(EmbeddingModel.ALL_MINILM_L6_V2.id(), INPUTS).toPayload());
        var items = root.putArray("items");
        for (int i = 0; i < vectors.size(); i++) {
            items.addObject().put("vector_f32le_base64", new EmbeddingOpening(i, vectors.get(i), List.of()).vectorBase64());
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
