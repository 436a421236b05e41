package com.computemarket.catalogue.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The catalogue's settings (docs/operations.md); each {@code cm.models.x} may be set as {@code CM_MODELS_X}. */
@ApplicationScoped
public class CatalogueSettings {

    public static final long DEFAULT_MAX_BYTES = 8L << 30;

    /** Where model files live; default {@code ${jboss.server.data.dir}/models}. */
    @Inject @ConfigProperty(name = "cm.models.dir")
    Optional<String> dir;

    /** The largest model file an admin may upload, in bytes (8 GiB). */
    @Inject @ConfigProperty(name = "cm.models.max-bytes", defaultValue = "" + DEFAULT_MAX_BYTES)
    long maxBytes;

    public CatalogueSettings() {
    }

    /** For tests. */
    public static CatalogueSettings of(Path dir, long maxBytes) {
        CatalogueSettings settings = new CatalogueSettings();
        settings.dir = Optional.of(dir.toString());
        settings.maxBytes = maxBytes;
        return settings;
    }

    public Path dir() {
        return Path.of(dir.filter(d -> !d.isBlank()).orElseGet(
                () -> Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")), "models").toString()));
    }

    public long maxBytes() {
        return maxBytes;
    }
}
