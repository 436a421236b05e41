package com.computemarket.inference.embedding;

import com.computemarket.challenge.inference.EmbeddingModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The tests' model store (target/model-store, seeded from the model jars on the test classpath) and shared engines. */
final class Models {

    static final Path STORE = Path.of(System.getProperty("cm.model.store", "target/model-store"));
    private static final Map<String, EmbeddingEngine> ENGINES = new ConcurrentHashMap<>();

    private Models() {
    }

    static ModelFiles files(EmbeddingModel model) {
        return BundledModels.extract(model, STORE);
    }

    /** One engine per model and thread count for the whole test run (loading takes about a second). */
    static EmbeddingEngine engine(EmbeddingModel model, int threads) {
        return ENGINES.computeIfAbsent(model.id() + "/" + threads,
                k -> EmbeddingEngine.open(model, files(model), new EmbeddingEngine.Options(threads)));
    }

    static EmbeddingEngine fp32() {
        return engine(EmbeddingModel.ALL_MINILM_L6_V2, 1);
    }

    static EmbeddingEngine quantised() {
        return engine(EmbeddingModel.ALL_MINILM_L6_V2_Q, 1);
    }
}
