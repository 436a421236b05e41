package com.computemarket.catalogue.application;

import com.computemarket.catalogue.domain.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Port: the content-addressed store of model files (weights, tokenizers), each named by its SHA-256. */
public interface ModelFiles {

    /** The size of the stored file with that hash; empty when there is none. */
    OptionalLong size(Sha256 sha256);

    /**
     * Stores {@code content} under {@code declared} when its SHA-256 is that: 413 file-too-large beyond the limit
     * ({@code declaredLength} over it is refused before reading), 422 hash-mismatch otherwise; either way nothing is
     * stored. A file already there is left as it is ({@code created} false).
     */
    StoredFile store(Sha256 declared, InputStream content, OptionalLong declaredLength);

    /** The stored file from byte {@code offset} on; the caller closes it. */
    InputStream open(Sha256 sha256, long offset) throws IOException;

    /** Where the file with that hash lies on this server's disk (whether or not it is there), for engines that read it in place. */
    Path path(Sha256 sha256);

    /** The largest file the store takes, in bytes. */
    long maxBytes();
}
