package com.computemarket.verification.infrastructure;

import com.computemarket.catalogue.application.LocalModel;
import com.computemarket.challenge.inference.EmbeddingModel;
import com.computemarket.inference.embedding.EmbeddingEngine;
import com.computemarket.inference.embedding.ModelFiles;
import com.computemarket.inference.embedding.Natives;
import com.computemarket.inference.generation.TextGenerator;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The verifier's engines, opened on first use from the catalogue's content-addressed files and kept per model until
 * shutdown (opening the fp32 embedding model reads and hashes 90 MB). One intra-op thread each: re-execution shares
 * the server's cores, and the outputs are the same at any thread count (measured, docs/protocol/inference.md §7).
 */
@ApplicationScoped
public class InferenceEngines {

    private static final Logger LOG = Logger.getLogger(InferenceEngines.class.getName());
    private static final int THREADS = 1;

    private final Map<String, EmbeddingEngine> embeddings = new ConcurrentHashMap<>();
    private final Map<String, TextGenerator> generators = new ConcurrentHashMap<>();

    /**
     * The embedding engine of the model (catalogue id = the spec's model id); ModelFileMismatchException when the
     * stored files are not the model's.
     */
    public EmbeddingEngine embedding(LocalModel model) {
        return embeddings.computeIfAbsent(model.modelId(), id -> {
            EmbeddingEngine engine = EmbeddingEngine.open(EmbeddingModel.byId(id),
                    new ModelFiles(model.file("weights"), model.file("tokenizer")), new EmbeddingEngine.Options(THREADS));
            LOG.info(() -> "verifier: embedding engine for " + id + " opened");
            return engine;
        });
    }

    public TextGenerator text(LocalModel model) {
        return generators.computeIfAbsent(model.modelId(), id -> {
            try {
                TextGenerator engine = TextGenerator.open(model.file("weights"), THREADS);
                LOG.info(() -> "verifier: text engine for " + id + " opened");
                return engine;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the GGUF of " + id, e);
            }
        });
    }

    /**
     * At deployment: loads ONNX Runtime's and DJL's native libraries once, so a server that cannot run them says so
     * now (a warning: synthetic work goes on; inference results wait, unverified, until it is fixed).
     */
    void loadNatives(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        try {
            String loaded = Natives.load();
            LOG.info(() -> "verifier: " + loaded);
        } catch (RuntimeException | LinkageError e) {
            // the libraries live in the server module com.computemarket.engine-libs (config/cli/60-inference.cli), loaded
            // once per server, so a redeployment finds them loaded; this fails only where the natives cannot run at all
            LOG.log(Level.WARNING, "verifier: the inference engines' native libraries do not load here; inference results"
                    + " cannot be verified", e);
        }
    }

    @PreDestroy
    public void close() {
        embeddings.forEach((id, engine) -> engine.close());
        embeddings.clear();
        generators.forEach((id, engine) -> {
            try {
                engine.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "closing the text engine of " + id, e);
            }
        });
        generators.clear();
    }
}
