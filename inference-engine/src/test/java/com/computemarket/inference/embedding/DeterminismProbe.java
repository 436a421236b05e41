package com.computemarket.inference.embedding;

import ai.onnxruntime.OrtSession;
import com.computemarket.challenge.inference.EmbeddingModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Embeds the whole corpus and writes every vector (float32 little-endian, item after item) to a file, so runs under
 * other thread counts, JDKs or machines can be compared byte for byte (docs/protocol/inference.md, "Determinism"):
 * <pre>
 *   java -cp … com.computemarket.inference.embedding.DeterminismProbe &lt;model_id&gt; &lt;threads&gt; &lt;out.bin&gt; [store] [ALL_OPT|BASIC_OPT|NO_OPT]
 * </pre>
 * Prints the file's SHA-256, the items, the truncated items and the wall time.
 */
public final class DeterminismProbe {

    public static void main(String[] args) throws IOException {
        EmbeddingModel model = EmbeddingModel.byId(args[0]);
        int threads = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        Path store = Path.of(args.length > 3 ? args[3] : "target/model-store");
        List<String> corpus = Corpus.all();
        long t0 = System.nanoTime();
        try (EmbeddingEngine engine = EmbeddingEngine.open(model, BundledModels.extract(model, store),
                new EmbeddingEngine.Options(threads),
                OrtSession.SessionOptions.OptLevel.valueOf(args.length > 4 ? args[4] : "ALL_OPT"))) {
            long t1 = System.nanoTime();
            List<Embedding> embeddings = engine.embed(corpus);
            long t2 = System.nanoTime();
            ByteBuffer bytes = ByteBuffer.allocate(corpus.size() * model.dimension() * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (Embedding e : embeddings) {
                for (float x : e.vector()) {
                    bytes.putFloat(x);
                }
            }
            Files.write(out, bytes.array());
            System.out.printf("%s threads=%d java=%s items=%d truncated=%d load=%.2fs embed=%.2fs sha256=%s%n",
                    model.id(), threads, System.getProperty("java.version"), corpus.size(),
                    embeddings.stream().filter(Embedding::truncated).count(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array())));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
