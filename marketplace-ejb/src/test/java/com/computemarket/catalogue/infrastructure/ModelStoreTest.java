package com.computemarket.catalogue.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.catalogue.application.CatalogueSettings;
import com.computemarket.catalogue.application.StoredFile;
import com.computemarket.catalogue.domain.Sha256;
import com.computemarket.shared.DomainException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    static final byte[] CONTENT = "weights of a very small model".repeat(1000).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    ModelStore store(long maxBytes) {
        return new ModelStore(CatalogueSettings.of(dir, maxBytes));
    }

    static Sha256 sha256(byte[] bytes) throws Exception {
        return Sha256.of(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aFileIsStoredUnderItsHashAndReadBackWholeAndFromAnOffset() throws Exception {
        ModelStore store = store(1 << 20);
        Sha256 hash = sha256(CONTENT);

        StoredFile stored = store.store(hash, new ByteArrayInputStream(CONTENT), OptionalLong.empty());

        assertEquals(new StoredFile(hash, CONTENT.length, true), stored);
        assertEquals(OptionalLong.of(CONTENT.length), store.size(hash));
        assertTrue(Files.isRegularFile(dir.resolve(hash.hex())));
        try (InputStream in = store.open(hash, 0)) {
            assertArrayEquals(CONTENT, in.readAllBytes());
        }
        try (InputStream in = store.open(hash, 1000)) {
            assertArrayEquals(Arrays.copyOfRange(CONTENT, 1000, CONTENT.length), in.readAllBytes());
        }
        assertEquals(List.of(), incoming(), "no temporary file is left");
    }

    @Test
    void storingTheSameFileAgainChangesNothing() throws Exception {
        ModelStore store = store(1 << 20);
        Sha256 hash = sha256(CONTENT);
        store.store(hash, new ByteArrayInputStream(CONTENT), OptionalLong.of(CONTENT.length));

        StoredFile again = store.store(hash, new ByteArrayInputStream(CONTENT), OptionalLong.of(CONTENT.length));

        assertEquals(new StoredFile(hash, CONTENT.length, false), again);
        assertEquals(List.of(hash.hex()), stored());
    }

    @Test
    void contentWhoseHashIsNotTheDeclaredOneLeavesNothing() throws Exception {
        ModelStore store = store(1 << 20);
        Sha256 declared = sha256("something else".getBytes(StandardCharsets.UTF_8));

        DomainException refused = assertThrows(DomainException.class,
                () -> store.store(declared, new ByteArrayInputStream(CONTENT), OptionalLong.empty()));

        assertEquals(422, refused.status());
        assertEquals("hash-mismatch", refused.type());
        assertTrue(refused.detail().contains(sha256(CONTENT).hex()), refused.detail());
        assertEquals(OptionalLong.empty(), store.size(declared));
        assertEquals(List.of(), stored());
        assertEquals(List.of(), incoming());
    }

    @Test
    void aFileBeyondTheLimitIsRefusedWhetherDeclaredOrNotAndLeavesNothing() throws Exception {
        ModelStore store = store(CONTENT.length - 1);
        Sha256 hash = sha256(CONTENT);

        DomainException declared = assertThrows(DomainException.class,
                () -> store.store(hash, new ByteArrayInputStream(CONTENT), OptionalLong.of(CONTENT.length)));
        DomainException counted = assertThrows(DomainException.class,
                () -> store.store(hash, new ByteArrayInputStream(CONTENT), OptionalLong.empty()));

        assertEquals(413, declared.status());
        assertEquals("file-too-large", declared.type());
        assertEquals(413, counted.status());
        assertEquals(List.of(), stored());
        assertEquals(List.of(), incoming());
        assertEquals(CONTENT.length, store(CONTENT.length).store(hash, new ByteArrayInputStream(CONTENT), OptionalLong.empty()).size(),
                "exactly the limit is allowed");
    }

    @Test
    void anUploadThatBreaksOffLeavesNoFileUnderTheName() throws Exception {
        ModelStore store = store(1 << 20);
        Sha256 hash = sha256(CONTENT);
        InputStream broken = new InputStream() {
            int read;

            @Override
            public int read() throws IOException {
                if (read++ > 5000) {
                    // while the bytes are still arriving, nothing is under the file's name yet
                    assertFalse(Files.exists(dir.resolve(hash.hex())));
                    assertEquals(1, incoming().size(), "the upload goes to a temporary file first");
                    throw new IOException("connection reset");
                }
                return CONTENT[read - 1];
            }
        };

        assertThrows(UncheckedIOException.class, () -> store.store(hash, broken, OptionalLong.empty()));

        assertEquals(OptionalLong.empty(), store.size(hash));
        assertEquals(List.of(), stored());
        assertEquals(List.of(), incoming());
    }

    List<String> stored() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    List<String> incoming() {
        try (Stream<Path> files = Files.list(dir.resolve(".incoming"))) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
