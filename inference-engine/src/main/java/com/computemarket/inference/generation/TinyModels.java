package com.computemarket.inference.generation;

import com.computemarket.inference.generation.gguf.GgmlType;
import com.computemarket.inference.generation.gguf.GgufWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Llama GGUF models with RANDOM weights that the build writes itself (no weights come from the network): for tests,
 * the verifier's cheater measurements and bin/run until operators add real models. {@code general.name} says
 * "RANDOM WEIGHTS"; their text is gibberish by design. The tokenizer is a byte-level "llama" vocabulary:
 * {@code <unk> <s> </s>}, the 256 byte tokens {@code <0x00>..<0xFF>}, U+2581, a–z and a few English pieces.
 *
 * <p>{@code java -cp inference-engine/target/classes com.computemarket.inference.generation.TinyModels DIR}
 * writes {@link #F32}, {@link #Q8_0} (the same weights quantised: a different GGUF) and {@link #OTHER_SEED}.
 */
public final class TinyModels {

    /** The tiny model, weights in F32 (norms always F32). */
    public static final String F32 = "tiny-llama-random-f32.gguf";
    /** The same weights quantised to Q8_0: a different model, for cheater tests. */
    public static final String Q8_0 = "tiny-llama-random-q8_0.gguf";
    /** Another random seed, F32. */
    public static final String OTHER_SEED = "tiny-llama-random-seed2-f32.gguf";

    /** The shape of a random Llama model. */
    public record Shape(int dim, int layers, int heads, int kvHeads, int ffnDim, int vocab, int contextLength) {
    }

    /** dim 64, 2 layers, 4 heads over 2 KV heads (GQA), FFN 128, vocabulary 300, context 512. */
    public static final Shape TINY = new Shape(64, 2, 4, 2, 128, 300, 512);

    private static final String[] PIECES = {"\u2581t", "he", "th", "\u2581the", "in", "er", "an", "\u2581a", "re", "on",
            "\u2581o", "en", "at", "\u2581w"};

    private TinyModels() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/models");
        write(dir);
        System.out.println("wrote random-weight tiny Llama GGUF models to " + dir.toAbsolutePath());
    }

    /** Writes the three tiny models into {@code dir} (created if missing) unless already there; returns dir. */
    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        writeIfMissing(dir.resolve(F32), TINY, GgmlType.F32, 1);
        writeIfMissing(dir.resolve(Q8_0), TINY, GgmlType.Q8_0, 1);
        writeIfMissing(dir.resolve(OTHER_SEED), TINY, GgmlType.F32, 2);
        return dir;
    }

    private static void writeIfMissing(Path file, Shape shape, GgmlType type, long seed) throws IOException {
        if (!Files.exists(file)) {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            writeRandom(tmp, shape, type, seed);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** A random-weight Llama of {@code shape}, its matrices stored as {@code type}, weights a function of seed only. */
    public static void writeRandom(Path file, Shape s, GgmlType type, long seed) throws IOException {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        List<Integer> types = new ArrayList<>(List.of(2, 3, 3));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types.add(6);
        }
        tokens.add("\u2581");
        for (char c = 'a'; c <= 'z'; c++) {
            tokens.add(String.valueOf(c));
        }
        tokens.addAll(List.of(PIECES));
        for (int i = tokens.size(); i < s.vocab(); i++) {
            tokens.add("<pad" + i + ">");
        }
        while (types.size() < tokens.size()) {
            types.add(1);
        }
        if (tokens.size() != s.vocab()) {
            throw new IllegalArgumentException("vocabulary of at least " + tokens.size() + " tokens needed");
        }
        float[] scores = new float[tokens.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = types.get(i) == 1 ? -(i - 259) : 0f;
        }
        int headDim = s.dim() / s.heads();
        GgufWriter w = new GgufWriter()
                .string("general.architecture", "llama")
                .string("general.name", "llama-" + s.dim() + "x" + s.layers() + " RANDOM WEIGHTS (seed " + seed + ", " + type
                        + ") - test model written by ComputeMarket, not a trained model")
                .u32("llama.context_length", s.contextLength())
                .u32("llama.embedding_length", s.dim())
                .u32("llama.block_count", s.layers())
                .u32("llama.feed_forward_length", s.ffnDim())
                .u32("llama.attention.head_count", s.heads())
                .u32("llama.attention.head_count_kv", s.kvHeads())
                .u32("llama.rope.dimension_count", headDim)
                .f32("llama.rope.freq_base", 10000f)
                .f32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .string("tokenizer.ggml.model", "llama")
                .strings("tokenizer.ggml.tokens", tokens)
                .f32s("tokenizer.ggml.scores", scores)
                .i32s("tokenizer.ggml.token_type", types.stream().mapToInt(Integer::intValue).toArray())
                .u32("tokenizer.ggml.bos_token_id", 1)
                .u32("tokenizer.ggml.eos_token_id", 2)
                .u32("tokenizer.ggml.unknown_token_id", 0)
                .bool("tokenizer.ggml.add_bos_token", true);
        int kvDim = s.kvHeads() * headDim;
        int[] index = {0};
        w.tensor("token_embd.weight", type, dims(s.dim(), s.vocab()), random(seed, index[0]++, s.dim() * s.vocab(), 1f, 0f));
        for (int l = 0; l < s.layers(); l++) {
            String p = "blk." + l + ".";
            float a = (float) Math.sqrt(3.0 / s.dim());
            w.tensor(p + "attn_norm.weight", GgmlType.F32, dims(s.dim()), random(seed, index[0]++, s.dim(), 0.1f, 1f));
            w.tensor(p + "attn_q.weight", type, dims(s.dim(), s.dim()), random(seed, index[0]++, s.dim() * s.dim(), 2 * a, 0f));
            w.tensor(p + "attn_k.weight", type, dims(s.dim(), kvDim), random(seed, index[0]++, s.dim() * kvDim, 2 * a, 0f));
            w.tensor(p + "attn_v.weight", type, dims(s.dim(), kvDim), random(seed, index[0]++, s.dim() * kvDim, a, 0f));
            w.tensor(p + "attn_output.weight", type, dims(s.dim(), s.dim()), random(seed, index[0]++, s.dim() * s.dim(), a, 0f));
            w.tensor(p + "ffn_norm.weight", GgmlType.F32, dims(s.dim()), random(seed, index[0]++, s.dim(), 0.1f, 1f));
            w.tensor(p + "ffn_gate.weight", type, dims(s.dim(), s.ffnDim()), random(seed, index[0]++, s.dim() * s.ffnDim(), a, 0f));
            w.tensor(p + "ffn_up.weight", type, dims(s.dim(), s.ffnDim()), random(seed, index[0]++, s.dim() * s.ffnDim(), a, 0f));
            w.tensor(p + "ffn_down.weight", type, dims(s.ffnDim(), s.dim()),
                    random(seed, index[0]++, s.ffnDim() * s.dim(), (float) Math.sqrt(3.0 / s.ffnDim()), 0f));
        }
        w.tensor("output_norm.weight", GgmlType.F32, dims(s.dim()), random(seed, index[0]++, s.dim(), 0.1f, 1f));
        w.tensor("output.weight", type, dims(s.dim(), s.vocab()),
                random(seed, index[0]++, s.dim() * s.vocab(), 3f * (float) Math.sqrt(3.0 / s.dim()), 0f));
        w.write(file);
    }

    private static long[] dims(long... d) {
        return d;
    }

    /** Uniform in [offset − scale, offset + scale) from SplitMix64 over (seed, tensor, element). */
    private static java.util.function.Supplier<float[]> random(long seed, int tensor, int n, float scale, float offset) {
        return () -> {
            float[] out = new float[n];
            long base = seed * 0x9E3779B97F4A7C15L + ((long) tensor << 40);
            for (int i = 0; i < n; i++) {
                long z = base + (i + 1L) * 0x9E3779B97F4A7C15L;
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                z = z ^ (z >>> 31);
                out[i] = offset + scale * ((z >>> 40) * 0x1p-23f - 1f);
            }
            return out;
        };
    }
}
