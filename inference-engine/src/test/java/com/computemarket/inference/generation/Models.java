package com.computemarket.inference.generation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The random-weight tiny models, written once per build under target/. */
final class Models {

    static final Path DIR = Path.of("target", "gguf-models");

    private Models() {
    }

    static synchronized Path tiny(String name) {
        try {
            return TinyModels.write(DIR).resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
