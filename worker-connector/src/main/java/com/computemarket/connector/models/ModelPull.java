package com.computemarket.connector.models;

import com.computemarket.connector.cli.CliException;
import com.computemarket.connector.cli.ExitCodes;
import com.computemarket.connector.net.Http;
import com.computemarket.connector.net.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The catalogue calls of {@code models}: GET /api/models, GET /api/models/{id}, and the download of a model's files
 * (GET /api/models/{id}/files/{sha256}, bearer token) into a {@link ModelCache}: streamed to {@code <sha256>.part},
 * resumed with {@code Range: bytes=<size>-} when a part is there, SHA-256 checked, then renamed to {@code <sha256>};
 * a file whose digest is not its name is deleted, never kept.
 */
public final class ModelPull {

    private final HttpClient client;
    private final URI base;
    private final Supplier<String> bearer;
    private final ModelCache cache;

    /** @param base the marketplace's base URL (the API is under /api) */
    public ModelPull(HttpClient client, URI base, Supplier<String> bearer, ModelCache cache) {
        this.client = client;
        this.base = base;
        this.bearer = bearer;
        this.cache = cache;
    }

    /** GET /api/models: {"models":[…]}. */
    public JsonNode catalogue() {
        return getJson("api/models");
    }

    /** GET /api/models/{id}. */
    public JsonNode describe(String id) {
        return getJson("api/models/" + enc(id));
    }

    /** Downloads every file of the model not yet cached, then writes {@code <id>.json}; the model's JSON. */
    public JsonNode pull(String id, Consumer<String> log) {
        JsonNode model = describe(id);
        if (!id.equals(model.path("id").asText())) {
            throw new CliException(ExitCodes.REFUSED, "the marketplace described model " + model.path("id").asText()
                    + " when asked for " + id);
        }
        if (ModelCache.files(model).isEmpty()) {
            throw new CliException(ExitCodes.REFUSED, "model " + id + " lists no files");
        }
        try {
            Files.createDirectories(cache.dir());
            for (JsonNode f : ModelCache.files(model)) {
                String sha = f.path("sha256").asText().toLowerCase();
                if (!sha.matches("[0-9a-f]{64}")) {
                    throw new CliException(ExitCodes.REFUSED, "model " + id + " names a file by " + sha + ", not a SHA-256");
                }
                long size = f.path("size").asLong(-1);
                Path target = cache.file(sha);
                if (Files.isRegularFile(target) && Files.size(target) == size) {
                    log.accept(f.path("role").asText() + " " + sha + " already cached");
                    continue;
                }
                download(id, sha, size, log);
                log.accept(f.path("role").asText() + " " + sha + " (" + size + " bytes) downloaded and checked");
            }
            Path json = cache.descriptor(id);
            Path tmp = Files.createTempFile(cache.dir(), id, ".json.tmp");
            Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(model));
            Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException(ExitCodes.INTERNAL, "cannot write the model cache " + cache.dir() + ": " + e.getMessage(), e);
        }
        return model;
    }

    /** One file into {@code <sha>.part} (resumed when there is one), checked, renamed; a bad one is deleted. */
    void download(String id, String sha, long size, Consumer<String> log) throws IOException {
        Path part = cache.part(sha);
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (size >= 0 && have > size) {
            Files.delete(part);
            have = 0;
        }
        URI uri = base.resolve("/api/models/" + enc(id) + "/files/" + sha);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + bearer.get()).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
            log.accept("resuming " + sha + " at byte " + have);
        }
        HttpResponse<InputStream> response = send(request.build());
        boolean append;
        int status = response.statusCode();
        if (status == 206 && have > 0) {
            append = true;
        } else if (status == 200) {
            append = false; // the server sent the whole file: start over
        } else if (status == 416 && have > 0) {
            response.body().close();
            append = true; // the part is already whole
        } else {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw refused("GET " + uri.getPath(), status, body);
        }
        if (status != 416) {
            try (InputStream in = response.body();
                 OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                         append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(out);
            } catch (IOException e) {
                // what arrived stays in the .part: the next pull resumes there
                throw new CliException(ExitCodes.UNREACHABLE, "the download of " + sha + " stopped at byte "
                        + (Files.exists(part) ? Files.size(part) : 0) + " (" + Http.reason(e) + "); `models pull "
                        + id + "` again resumes it", e);
            }
        }
        String actual = ModelCache.sha256(part);
        if (!actual.equals(sha)) {
            Files.deleteIfExists(part);
            throw new CliException(ExitCodes.CHECK_FAILED, "the file " + sha + " of model " + id + " arrived with SHA-256 "
                    + actual + "; deleted, nothing kept");
        }
        long got = Files.size(part);
        if (size >= 0 && got != size) {
            Files.deleteIfExists(part);
            throw new CliException(ExitCodes.CHECK_FAILED, "the file " + sha + " of model " + id + " holds "
                    + got + " bytes, the catalogue says " + size);
        }
        Files.move(part, cache.file(sha), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private JsonNode getJson(String path) {
        URI uri = base.resolve("/" + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + bearer.get()).GET().build();
        HttpResponse<InputStream> response = send(request);
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Http.unreachable("the marketplace", uri, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw refused("GET " + uri.getPath(), response.statusCode(), body);
        }
        JsonNode json = Json.parseLenient(body);
        if (json == null || !json.isObject()) {
            throw new CliException(ExitCodes.REFUSED, "GET " + uri.getPath() + " did not answer a JSON object");
        }
        return json;
    }

    private HttpResponse<InputStream> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw Http.unreachable("the marketplace", request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INTERRUPTED, "interrupted while downloading from the marketplace");
        }
    }

    private static CliException refused(String what, int status, String body) {
        JsonNode problem = Json.parseLenient(body);
        String detail = problem != null && problem.hasNonNull("detail") ? problem.get("detail").asText()
                : body == null || body.isBlank() ? "" : body.strip();
        if (detail.length() > 200) {
            detail = detail.substring(0, 200) + "…";
        }
        return new CliException(ExitCodes.REFUSED, "the marketplace refused " + what + ": " + status
                + (detail.isEmpty() ? "" : " " + detail));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Re-hashes a cached file: true when its content is its name. */
    public static boolean good(ModelCache cache, String sha) {
        Path p = cache.file(sha);
        return Files.isRegularFile(p) && ModelCache.sha256(p).equals(sha.toLowerCase());
    }
}
