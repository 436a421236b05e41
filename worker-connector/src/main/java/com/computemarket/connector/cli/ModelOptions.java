package com.computemarket.connector.cli;

import com.computemarket.connector.models.ModelCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the model cache is: --models-dir, else $CM_WORKER_MODELS_DIR, else ~/.computemarket/models. */
public final class ModelOptions {

    public static final String VARIABLE = "CM_WORKER_MODELS_DIR";

    @Option(names = "--models-dir", paramLabel = "DIR",
            description = "the model cache (default: $" + VARIABLE + " or ~/.computemarket/models)")
    Path modelsDir;

    public Path dir(Environment env) {
        if (modelsDir != null) {
            return modelsDir;
        }
        String fromEnv = env.getenv(VARIABLE);
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv)
                : env.home().resolve(".computemarket").resolve("models");
    }

    public ModelCache cache(Environment env) {
        return new ModelCache(dir(env));
    }
}
