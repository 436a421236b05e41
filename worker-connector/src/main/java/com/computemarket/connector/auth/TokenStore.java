package com.computemarket.connector.auth;

import com.computemarket.connector.cli.CliException;
import com.computemarket.connector.cli.ExitCodes;
import com.computemarket.connector.net.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** The cached login: a JSON file beside the keystore, readable and writable by its owner only (0600). */
public final class TokenStore {

    private final Path file;

    public TokenStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** {@code worker-key.pem} → {@code worker-key.token.json} in the same folder. */
    public static TokenStore besideKeystore(Path keystore) {
        String name = keystore.getFileName().toString();
        String base = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
        return new TokenStore(keystore.toAbsolutePath().resolveSibling(base + ".token.json"));
    }

    public Path file() {
        return file;
    }

    public Optional<Token> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), Token.class));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // a damaged cache is as good as none: log in again
        } catch (IOException e) {
            throw new CliException(ExitCodes.LOGIN, "cannot read the cached login " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a temp file with 0600 in the same folder and moves it over the old one, so no reader sees half a file. */
    public void save(Token token) {
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            Path tmp;
            try {
                tmp = Files.createTempFile(dir, ".token", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                tmp = Files.createTempFile(dir, ".token", ".tmp");
            }
            Files.writeString(tmp, Json.write(token), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.LOGIN, "cannot write the cached login " + file + ": " + e.getMessage(), e);
        }
    }
}
