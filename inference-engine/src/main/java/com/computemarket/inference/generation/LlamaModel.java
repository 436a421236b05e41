package com.computemarket.inference.generation;

import com.computemarket.inference.generation.gguf.GgufFile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A Llama-architecture transformer read from a GGUF file, evaluated token by token on the CPU in pure Java, as
 * llama.cpp's {@code llama} graph does: token embedding; per layer RMSNorm, Q/K/V projections, RoPE in llama.cpp's
 * normal (not NeoX) mode on adjacent pairs, grouped-query attention over a KV cache, output projection and residual,
 * RMSNorm, SwiGLU feed-forward and residual; final RMSNorm and the output head (or the tied token embedding).
 *
 * <p>Deterministic: the same file and tokens give bit-identical logits for any thread count on any JVM (fixed
 * summation orders, see {@link Matrix}; transcendental functions from {@link StrictMath}, whose results are
 * specified to the bit; work split across output rows only).
 */
public final class LlamaModel implements AutoCloseable {

    private final GgufFile file;
    private final LlamaConfig config;
    private final Tokenizer tokenizer;
    private final Matrix tokenEmbedding;
    private final Matrix output;
    private final float[] outputNorm;
    private final Layer[] layers;
    private final float[] ropeFreq;

    private record Layer(float[] attnNorm, Matrix wq, Matrix wk, Matrix wv, Matrix wo, float[] ffnNorm,
                         Matrix gate, Matrix up, Matrix down) {
    }

    private LlamaModel(GgufFile file) throws IOException {
        this.file = file;
        this.config = LlamaConfig.from(file);
        this.tokenizer = Tokenizer.from(file);
        LlamaConfig c = config;
        tokenEmbedding = Matrix.of(file, "token_embd.weight", c.dim(), c.vocab());
        output = file.tensors().containsKey("output.weight")
                ? Matrix.of(file, "output.weight", c.dim(), c.vocab()) : tokenEmbedding;
        outputNorm = Matrix.vector(file, "output_norm.weight", c.dim());
        layers = new Layer[c.layers()];
        for (int l = 0; l < c.layers(); l++) {
            String p = "blk." + l + ".";
            layers[l] = new Layer(Matrix.vector(file, p + "attn_norm.weight", c.dim()),
                    Matrix.of(file, p + "attn_q.weight", c.dim(), c.dim()),
                    Matrix.of(file, p + "attn_k.weight", c.dim(), c.kvDim()),
                    Matrix.of(file, p + "attn_v.weight", c.dim(), c.kvDim()),
                    Matrix.of(file, p + "attn_output.weight", c.dim(), c.dim()),
                    Matrix.vector(file, p + "ffn_norm.weight", c.dim()),
                    Matrix.of(file, p + "ffn_gate.weight", c.dim(), c.ffnDim()),
                    Matrix.of(file, p + "ffn_up.weight", c.dim(), c.ffnDim()),
                    Matrix.of(file, p + "ffn_down.weight", c.ffnDim(), c.dim()));
        }
        ropeFreq = new float[c.ropeDims() / 2];
        for (int i = 0; i < ropeFreq.length; i++) {
            ropeFreq[i] = (float) StrictMath.pow(c.ropeFreqBase(), -2.0 * i / c.ropeDims());
        }
    }

    public static LlamaModel load(Path gguf) throws IOException {
        GgufFile file = GgufFile.open(gguf);
        try {
            return new LlamaModel(file);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    public LlamaConfig config() {
        return config;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** The file's {@code general.name}, or its file name. */
    public String name() {
        return file.metadata().get("general.name") instanceof String s ? s : file.path().getFileName().toString();
    }

    /** A fresh sequence with room for the model's whole context, evaluated with {@code threads} threads. */
    public Sequence newSequence(int threads) {
        return new Sequence(threads, config.contextLength());
    }

    /**
     * A fresh sequence with a KV cache of {@code capacity} positions (at most the context length): a model with a
     * 128k context would otherwise take gigabytes per sequence.
     */
    public Sequence newSequence(int threads, int capacity) {
        if (capacity < 1 || capacity > config.contextLength()) {
            throw new IllegalArgumentException("capacity must be 1.." + config.contextLength() + "; got " + capacity);
        }
        return new Sequence(threads, capacity);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /** One sequence being evaluated: its KV cache and scratch buffers. Not thread-safe; close it to stop its threads. */
    public final class Sequence implements AutoCloseable {
        private final RowParallel parallel;
        private final float[][] keyCache;
        private final float[][] valueCache;
        private final float[] x;
        private final float[] xb;
        private final float[] q;
        private final float[] k;
        private final float[] v;
        private final float[] att;
        private final float[] attOut;
        private final float[] proj;
        private final float[] h1;
        private final float[] h3;
        private final float[] scores;
        private final int capacity;
        private int position;

        private Sequence(int threads, int capacity) {
            this.capacity = capacity;
            LlamaConfig c = config;
            parallel = new RowParallel(threads);
            keyCache = new float[c.layers()][];
            valueCache = new float[c.layers()][];
            x = new float[c.dim()];
            xb = new float[c.dim()];
            q = new float[c.dim()];
            k = new float[c.kvDim()];
            v = new float[c.kvDim()];
            att = new float[c.dim()];
            attOut = new float[c.dim()];
            proj = new float[c.dim()];
            h1 = new float[c.ffnDim()];
            h3 = new float[c.ffnDim()];
            scores = new float[capacity];
        }

        /** Tokens evaluated so far (the position the next token takes). */
        public int position() {
            return position;
        }

        /** Evaluates {@code token} at the next position and returns the logits over the vocabulary (a new array). */
        public float[] next(int token) {
            LlamaConfig c = config;
            if (token < 0 || token >= c.vocab()) {
                throw new IllegalArgumentException("token " + token + " outside the vocabulary of " + c.vocab());
            }
            if (position >= capacity) {
                throw new IllegalStateException("the sequence's " + capacity + " positions are full");
            }
            int pos = position;
            int hd = c.headDim();
            int kvDim = c.kvDim();
            int group = c.heads() / c.kvHeads();
            float scale = (float) (1.0 / StrictMath.sqrt(hd));
            tokenEmbedding.row(token, x);
            for (int l = 0; l < layers.length; l++) {
                Layer layer = layers[l];
                if (keyCache[l] == null) {
                    keyCache[l] = new float[capacity * kvDim];
                    valueCache[l] = new float[capacity * kvDim];
                }
                rmsNorm(x, layer.attnNorm(), xb);
                parallel.matvec(layer.wq(), xb, q);
                parallel.matvec(layer.wk(), xb, k);
                parallel.matvec(layer.wv(), xb, v);
                rope(q, c.heads(), hd, pos);
                rope(k, c.kvHeads(), hd, pos);
                System.arraycopy(k, 0, keyCache[l], pos * kvDim, kvDim);
                System.arraycopy(v, 0, valueCache[l], pos * kvDim, kvDim);
                float[] kc = keyCache[l];
                float[] vc = valueCache[l];
                for (int h = 0; h < c.heads(); h++) {
                    int qo = h * hd;
                    int ko = (h / group) * hd;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int t = 0; t <= pos; t++) {
                        float s = 0f;
                        int base = t * kvDim + ko;
                        for (int i = 0; i < hd; i++) {
                            s += q[qo + i] * kc[base + i];
                        }
                        s *= scale;
                        scores[t] = s;
                        max = Math.max(max, s);
                    }
                    float sum = 0f;
                    for (int t = 0; t <= pos; t++) {
                        float e = (float) StrictMath.exp(scores[t] - max);
                        scores[t] = e;
                        sum += e;
                    }
                    float inv = 1f / sum;
                    for (int i = 0; i < hd; i++) {
                        att[qo + i] = 0f;
                    }
                    for (int t = 0; t <= pos; t++) {
                        float w = scores[t] * inv;
                        int base = t * kvDim + ko;
                        for (int i = 0; i < hd; i++) {
                            att[qo + i] += w * vc[base + i];
                        }
                    }
                }
                System.arraycopy(att, 0, attOut, 0, c.dim());
                parallel.matvec(layer.wo(), attOut, proj);
                for (int i = 0; i < c.dim(); i++) {
                    x[i] += proj[i];
                }
                rmsNorm(x, layer.ffnNorm(), xb);
                parallel.matvec(layer.gate(), xb, h1);
                parallel.matvec(layer.up(), xb, h3);
                for (int i = 0; i < c.ffnDim(); i++) {
                    float g = h1[i];
                    h1[i] = g / (1f + (float) StrictMath.exp(-g)) * h3[i];
                }
                parallel.matvec(layer.down(), h1, proj);
                for (int i = 0; i < c.dim(); i++) {
                    x[i] += proj[i];
                }
            }
            rmsNorm(x, outputNorm, xb);
            float[] logits = new float[c.vocab()];
            parallel.matvec(output, xb, logits);
            position++;
            return logits;
        }

        private void rmsNorm(float[] in, float[] weight, float[] out) {
            float ss = 0f;
            for (float f : in) {
                ss += f * f;
            }
            float inv = (float) (1.0 / StrictMath.sqrt(ss / in.length + config.rmsEps()));
            for (int i = 0; i < in.length; i++) {
                out[i] = in[i] * inv * weight[i];
            }
        }

        /** llama.cpp's normal RoPE: rotates the adjacent pairs (2i, 2i+1) of each head by pos · base^(−2i/ropeDims). */
        private void rope(float[] vec, int heads, int hd, int pos) {
            for (int i = 0; i < ropeFreq.length; i++) {
                double theta = pos * (double) ropeFreq[i];
                float cos = (float) StrictMath.cos(theta);
                float sin = (float) StrictMath.sin(theta);
                for (int h = 0; h < heads; h++) {
                    int o = h * hd + 2 * i;
                    float x0 = vec[o];
                    float x1 = vec[o + 1];
                    vec[o] = x0 * cos - x1 * sin;
                    vec[o + 1] = x0 * sin + x1 * cos;
                }
            }
        }

        @Override
        public void close() {
            parallel.close();
        }
    }
}
