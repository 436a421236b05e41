package com.computemarket.catalogue.application;

import com.computemarket.catalogue.domain.ModelId;
import com.computemarket.catalogue.domain.Sha256;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Admins upload a model's files into the store before registering the model. No transaction: a file of gigabytes
 * takes longer than any transaction should, and the store's write is atomic on its own (temporary file, then a move).
 */
@ApplicationScoped
public class ModelUploads {

    private static final Logger LOG = Logger.getLogger(ModelUploads.class.getName());

    @Inject ModelFiles files;

    public ModelUploads() {
    }

    /** Outside the container (unit tests). */
    public ModelUploads(ModelFiles files) {
        this.files = files;
    }

    /**
     * Stores the file under its SHA-256 ({@code model} names what it is for; the store is shared, so one file may
     * serve several models): 413 beyond the limit, 422 hash-mismatch, nothing stored either way; idempotent.
     */
    public StoredFile upload(Caller caller, ModelId model, Sha256 sha256, InputStream content, OptionalLong declaredLength) {
        if (!caller.has(Caller.ADMIN)) {
            throw DomainException.forbidden("admin-only", "only an admin uploads model files");
        }
        StoredFile stored = files.store(sha256, content, declaredLength);
        if (stored.created()) {
            LOG.info(() -> "Stored file " + sha256 + " (" + stored.size() + " bytes) for model " + model + ", uploaded by " + caller.username());
        } else {
            LOG.fine(() -> "File " + sha256 + " for model " + model + " was already stored");
        }
        return stored;
    }
}
