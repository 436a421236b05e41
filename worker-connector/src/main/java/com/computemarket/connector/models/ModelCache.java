package com.computemarket.connector.models;

import com.computemarket.connector.net.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The worker's model cache: {@code <dir>/<sha256>} for every file of a catalogue model (content-addressed: a file is
 * only ever the bytes its name says), {@code <dir>/<sha256>.part} while it downloads, and {@code <dir>/<id>.json} (the
 * model as GET /api/models/{id} described it) once all its files are there.
 */
public final class ModelCache {

    /** A model of the cache: its id, kind ("embedding" | "text-generation") and catalogue JSON. */
    public record CachedModel(String id, String kind, JsonNode json) {

        /** The sha256 of the file with this role ("weights", "tokenizer"), if the model has one. */
        public Optional<String> fileSha256(String role) {
            for (JsonNode f : files(json)) {
                if (role.equals(f.path("role").asText())) {
                    return Optional.of(f.path("sha256").asText());
                }
            }
            return Optional.empty();
        }
    }

    private final Path dir;

    public ModelCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path file(String sha256) {
        return dir.resolve(sha256.toLowerCase());
    }

    public Path part(String sha256) {
        return dir.resolve(sha256.toLowerCase() + ".part");
    }

    public Path descriptor(String modelId) {
        return dir.resolve(modelId + ".json");
    }

    static List<JsonNode> files(JsonNode model) {
        List<JsonNode> out = new ArrayList<>();
        model.path("files").forEach(out::add);
        return out;
    }

    /** The models whose {@code <id>.json} is here and whose files all exist with their catalogue size. */
    public List<CachedModel> models() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<CachedModel> out = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".json") || !Files.isRegularFile(p)) {
                    continue;
                }
                JsonNode json;
                try {
                    json = Json.MAPPER.readTree(p.toFile());
                } catch (IOException e) {
                    continue; // not a descriptor this connector wrote
                }
                String id = json.path("id").asText("");
                if (id.isEmpty() || !name.equals(id + ".json") || !complete(json)) {
                    continue;
                }
                out.add(new CachedModel(id, json.path("kind").asText(""), json));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the model cache " + dir, e);
        }
        return out;
    }

    public Optional<CachedModel> model(String id) {
        return models().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** True when every file of the model is here with its catalogue size (not re-hashed: {@link #sha256} does that). */
    public boolean complete(JsonNode model) {
        List<JsonNode> files = files(model);
        if (files.isEmpty()) {
            return false;
        }
        for (JsonNode f : files) {
            Path p = file(f.path("sha256").asText());
            try {
                if (!Files.isRegularFile(p) || Files.size(p) != f.path("size").asLong(-1)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** The hex SHA-256 of a file. */
    public static String sha256(Path file) {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStreams.NULL);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class OutputStreams {
        static final java.io.OutputStream NULL = java.io.OutputStream.nullOutputStream();
    }
}
