package com.computemarket.challenge.inference;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A stand-in engine for protocol tests: a unit vector drawn from SHA-256 of the input (deterministic, no ONNX). */
final class FakeModel implements Reexecution {

    int calls;
    int itemsEmbedded;

    static float[] vector(String input, int d) {
        float[] v = new float[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            byte[] h = Digests.sha256((i + ":" + input).getBytes(StandardCharsets.UTF_8));
            v[i] = (float) (ByteBuffer.wrap(h).getInt() / (double) Integer.MAX_VALUE);
            norm += (double) v[i] * v[i];
        }
        for (int i = 0; i < d; i++) {
            v[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return v;
    }

    static List<float[]> vectors(EmbeddingJob job) {
        return job.inputs().stream().map(s -> vector(s, job.model().dimension())).toList();
    }

    @Override
    public List<float[]> embed(EmbeddingModel model, List<String> inputs) {
        calls++;
        itemsEmbedded += inputs.size();
        List<float[]> out = new ArrayList<>();
        inputs.forEach(s -> out.add(vector(s, model.dimension())));
        return out;
    }
}
