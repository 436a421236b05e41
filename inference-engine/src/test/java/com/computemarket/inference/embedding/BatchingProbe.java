package com.computemarket.inference.embedding;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.computemarket.challenge.inference.Comparison;
import com.computemarket.challenge.inference.EmbeddingModel;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Why the engine runs every input alone: the first 256 short corpus inputs run as padded batches of 8 (the usual
 * way to embed many texts) through the same session, pooled over the attention mask exactly as the engine pools,
 * against the engine's batch-of-one vectors. Prints identical items and the worst cosine.
 * {@code java -cp … BatchingProbe [model_id]}
 */
public final class BatchingProbe {

    public static void main(String[] args) throws Exception {
        EmbeddingModel model = EmbeddingModel.byId(args.length > 0 ? args[0] : "all-minilm-l6-v2");
        List<String> inputs = Corpus.all().stream().filter(s -> s.length() < 300).limit(256).toList();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int identical = 0;
        double worst = 1;
        try (EmbeddingEngine engine = EmbeddingEngine.open(model, BundledModels.extract(model,
                Path.of("target/model-store")), EmbeddingEngine.Options.DEFAULT)) {
            for (int from = 0; from < inputs.size(); from += 8) {
                List<String> batch = inputs.subList(from, from + 8);
                long[][] ids = batch.stream().map(engine::wordPieces).toArray(long[][]::new);
                int width = Arrays.stream(ids).mapToInt(a -> a.length).max().orElseThrow();
                long[] flatIds = new long[8 * width];
                long[] flatMask = new long[8 * width];
                for (int b = 0; b < 8; b++) {
                    for (int t = 0; t < ids[b].length; t++) {
                        flatIds[b * width + t] = ids[b][t];
                        flatMask[b * width + t] = 1;
                    }
                }
                long[] shape = {8, width};
                try (OnnxTensor in = OnnxTensor.createTensor(env, LongBuffer.wrap(flatIds), shape);
                     OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(flatMask), shape);
                     OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[8 * width]), shape);
                     OrtSession.Result r = engine.session().run(Map.of("input_ids", in, "attention_mask", mask,
                             "token_type_ids", types))) {
                    FloatBuffer hidden = ((OnnxTensor) r.get(0)).getFloatBuffer();
                    int d = model.dimension();
                    for (int b = 0; b < 8; b++) {
                        float[] rows = new float[width * d];
                        hidden.position(b * width * d);
                        hidden.get(rows);
                        float[] batched = EmbeddingEngine.meanPoolNormalise(FloatBuffer.wrap(rows),
                                Arrays.copyOfRange(flatMask, b * width, (b + 1) * width), d);
                        float[] alone = engine.embed(batch.get(b)).vector();
                        identical += Arrays.equals(batched, alone) ? 1 : 0;
                        worst = Math.min(worst, Comparison.cosine(batched, alone));
                    }
                }
            }
        }
        System.out.printf("%s: %d of %d items bit-identical batched (8, padded) and alone; worst cosine %.12f (1-cos %.3g)%n",
                model.id(), identical, inputs.size(), worst, 1 - worst);
    }
}
