package com.computemarket.inference.generation;

import com.computemarket.inference.generation.gguf.GgmlType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Decode speed of the pure-Java engine, and the verifier's replay cost against generation. Not run by surefire.
 * <pre>
 *   java -cp inference-engine/target/classes:inference-engine/target/test-classes \
 *        com.computemarket.inference.generation.TokensPerSecond tiny|large TOKENS THREADS...
 * </pre>
 * "large" writes (once) a random-weight Llama of a realistic shape (dim 2048, 16 layers, 32 heads over 4 KV heads,
 * FFN 5632, vocabulary 32000, Q8_0, about 0.9 GB) to target/gguf-models/large-llama-random-q8_0.gguf.
 */
public final class TokensPerSecond {

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "tiny";
        int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int[] threadCounts = args.length > 2
                ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray() : new int[] {1, 2};
        Path model;
        if (which.equals("large")) {
            model = Path.of("target/gguf-models/large-llama-random-q8_0.gguf");
            if (!Files.exists(model)) {
                Files.createDirectories(model.getParent());
                long t0 = System.nanoTime();
                TinyModels.writeRandom(model, new TinyModels.Shape(2048, 16, 32, 4, 5632, 32000, 2048), GgmlType.Q8_0, 7);
                System.out.printf("wrote %s (%d MB) in %.1f s%n", model, Files.size(model) >> 20, (System.nanoTime() - t0) / 1e9);
            }
        } else {
            model = TinyModels.write(Path.of("target/gguf-models")).resolve(which.equals("tiny-q8") ? TinyModels.Q8_0 : TinyModels.F32);
        }
        System.out.println("java " + System.getProperty("java.vm.version") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
        try (LlamaModel m = LlamaModel.load(model)) {
            System.out.println(m.name() + " " + m.config());
            for (int threads : threadCounts) {
                try (TextGenerator g = new TextGenerator(m, threads)) {
                    GenerationRequest request = new GenerationRequest("bench", "the cat sat on the mat", tokens, 0.8f, 2);
                    g.generate(request); // warm-up: the same job once, so the JIT has compiled the hot loops
                    long t0 = System.nanoTime();
                    GenerationResult r = g.generate(request);
                    double generate = (System.nanoTime() - t0) / 1e9;
                    int forwards = r.promptTokens() + r.tokens().length - 1;
                    int n = r.tokens().length;
                    int[] challenged = com.computemarket.challenge.generation.TextChallenge.derive(n, new byte[32],
                            "00".repeat(32), "11".repeat(32)).asArray();
                    t0 = System.nanoTime();
                    g.replay(request, r.tokens(), challenged);
                    double replay = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("threads %d: %d tokens generated (+%d prompt) in %.2f s = %.2f tokens/s (%.1f forward passes/s);"
                                    + " verifier replay of %d challenged positions %.2f s = %.2f of the generation time%n",
                            threads, n, r.promptTokens(), generate, n / generate, forwards / generate,
                            challenged.length, replay, replay / generate);
                }
            }
        }
    }
}
