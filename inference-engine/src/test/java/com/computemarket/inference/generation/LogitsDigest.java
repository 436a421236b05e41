package com.computemarket.inference.generation;

import java.nio.file.Path;

/**
 * Prints the logits digests of {@link DeterminismTest} for the tiny models and 1, 2, 4 threads, and a digest of the
 * records (tokens, log-probability bits) of 8 generation jobs: run under two JDKs and compare the output.
 * {@code java -cp inference-engine/target/classes:inference-engine/target/test-classes com.computemarket.inference.generation.LogitsDigest}
 */
public final class LogitsDigest {

    public static void main(String[] args) throws Exception {
        Path dir = TinyModels.write(Path.of(args.length > 0 ? args[0] : "target/gguf-models"));
        System.out.println("java " + System.getProperty("java.vm.version"));
        for (String name : new String[] {TinyModels.F32, TinyModels.Q8_0}) {
            try (LlamaModel model = LlamaModel.load(dir.resolve(name))) {
                for (int threads : new int[] {1, 2, 4}) {
                    System.out.println(name + " threads " + threads + " logits " + DeterminismTest.digest(model, threads, 200));
                }
                try (TextGenerator g = new TextGenerator(model, 2)) {
                    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                    int positions = 0;
                    for (int job = 0; job < 8; job++) {
                        GenerationResult r = g.generate(new GenerationRequest("tiny", "job " + job, 128,
                                job % 2 == 0 ? 0f : 0.9f, job));
                        for (int i = 0; i < r.tokens().length; i++) {
                            sha.update(java.nio.ByteBuffer.allocate(8).putInt(r.tokens()[i])
                                    .putInt(Float.floatToRawIntBits(r.logProbs()[i])).array());
                        }
                        positions += r.tokens().length;
                    }
                    System.out.println(name + " generation records (" + positions + " positions) "
                            + java.util.HexFormat.of().formatHex(sha.digest()));
                }
            }
        }
    }
}
