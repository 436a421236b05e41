package com.computemarket.catalogue.infrastructure;

import com.computemarket.catalogue.application.CatalogueSettings;
import com.computemarket.catalogue.application.ModelFiles;
import com.computemarket.catalogue.application.StoredFile;
import com.computemarket.catalogue.domain.Sha256;
import com.computemarket.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Model files on the local file system, named by their SHA-256 under {@code cm.models.dir}. An upload is written to a
 * temporary file in {@code .incoming/} while it is hashed and counted, then moved atomically to its name when the hash
 * is the declared one; so a file under its name is always complete and correct, and a refused or broken upload leaves
 * nothing behind. Files are never changed or deleted here. In a cluster the directory is shared storage.
 */
@ApplicationScoped
public class ModelStore implements ModelFiles {

    private static final Logger LOG = Logger.getLogger(ModelStore.class.getName());
    private static final String INCOMING = ".incoming";
    private static final int BUFFER = 1 << 16;

    @Inject CatalogueSettings settings;

    private Path dir;
    private long maxBytes;

    public ModelStore() {
    }

    /** Outside the container (unit tests). */
    public ModelStore(CatalogueSettings settings) {
        this.settings = settings;
        init();
    }

    @PostConstruct
    void init() {
        dir = settings.dir().toAbsolutePath();
        maxBytes = settings.maxBytes();
        try {
            Files.createDirectories(dir.resolve(INCOMING));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the model store " + dir + " (cm.models.dir)", e);
        }
        LOG.info(() -> "Model files in " + dir + ", at most " + maxBytes + " bytes each");
    }

    @Override
    public OptionalLong size(Sha256 sha256) {
        Path file = path(sha256);
        try {
            return Files.isRegularFile(file) ? OptionalLong.of(Files.size(file)) : OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public StoredFile store(Sha256 declared, InputStream content, OptionalLong declaredLength) {
        if (declaredLength.isPresent() && declaredLength.getAsLong() > maxBytes) {
            throw tooLarge(declaredLength.getAsLong() + " bytes");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(dir.resolve(INCOMING), declared.hex() + "-", ".part");
            MessageDigest digest = sha256();
            long size = 0;
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                for (int n; (n = content.read(buffer)) != -1; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw tooLarge("more");
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            Sha256 actual = Sha256.of(digest.digest());
            if (!actual.equals(declared)) {
                throw DomainException.unprocessable("hash-mismatch", "the content's SHA-256 is " + actual + ", not " + declared
                        + " as the URL says; nothing was stored");
            }
            Path target = path(declared);
            if (Files.exists(target)) {
                return new StoredFile(declared, Files.size(target), false);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                return new StoredFile(declared, Files.size(target), false);     // a concurrent upload of the same file won
            } catch (AtomicMoveNotSupportedException e) {
                throw new IllegalStateException(".incoming and the store must be one file system: " + dir, e);
            }
            // on POSIX a rename replaces an existing file silently: same name, same bytes, so no harm either way
            return new StoredFile(declared, size, true);
        } catch (IOException e) {
            if (cutOffByTheServer(e)) {
                throw new DomainException(413, "request-too-large", "the server takes request bodies up to its listener's max-post-size"
                        + " (CM_HTTP_MAX_POST_SIZE); raise it to upload a file this large; nothing was stored");
            }
            throw new UncheckedIOException("storing model file " + declared + " failed", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public InputStream open(Sha256 sha256, long offset) throws IOException {
        FileChannel channel = FileChannel.open(path(sha256), StandardOpenOption.READ);
        try {
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    /** Where the file with that hash lives (whether or not it is there). */
    @Override
    public Path path(Sha256 sha256) {
        return dir.resolve(sha256.hex());
    }

    private DomainException tooLarge(String size) {
        return new DomainException(413, "file-too-large", "a model file may have at most " + maxBytes
                + " bytes (cm.models.max-bytes); this one has " + size + "; nothing was stored");
    }

    /** Undertow's RequestTooBigException (by name: the EJB module does not compile against Undertow). */
    private static boolean cutOffByTheServer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("RequestTooBigException")) {
                return true;
            }
        }
        return false;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warning(() -> "could not delete the temporary upload " + temp + ": " + e);
        }
    }
}
