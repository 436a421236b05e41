package com.computemarket.inference.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.computemarket.inference.generation.gguf.GgufFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine against a naive reference written here from the Llama equations alone, in double precision, reading
 * the F32 weights straight from the file: logits agree to float rounding, and greedy decoding picks the same tokens.
 * (llama.cpp itself could not be run as the reference: see docs/protocol/text-generation.md, "Correctness".)
 */
class ReferenceForwardTest {

    private static final Path MODEL = Models.tiny(TinyModels.F32);

    /** The reference: one token at a time, whole-sequence attention recomputed from stored K and V. */
    static final class Reference {
        final int dim;
        final int layers;
        final int heads;
        final int kvHeads;
        final int ffn;
        final int vocab;
        final double eps;
        final double base;
        final GgufFile f;
        final List<double[][]> keys = new ArrayList<>();
        final List<double[][]> values = new ArrayList<>();
        final List<List<double[]>> kCache = new ArrayList<>();
        final List<List<double[]>> vCache = new ArrayList<>();

        Reference(GgufFile f) {
            this.f = f;
            dim = (int) f.integer("llama.embedding_length");
            layers = (int) f.integer("llama.block_count");
            heads = (int) f.integer("llama.attention.head_count");
            kvHeads = (int) f.integer("llama.attention.head_count_kv");
            ffn = (int) f.integer("llama.feed_forward_length");
            vocab = f.array("tokenizer.ggml.tokens").size();
            eps = f.real("llama.attention.layer_norm_rms_epsilon", 0);
            base = f.real("llama.rope.freq_base", 0);
            for (int l = 0; l < layers; l++) {
                kCache.add(new ArrayList<>());
                vCache.add(new ArrayList<>());
            }
        }

        double[][] matrix(String name, int cols, int rows) throws IOException {
            ByteBuffer b = f.data(f.tensor(name));
            double[][] m = new double[rows][cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    m[r][c] = b.getFloat(4 * (r * cols + c));
                }
            }
            return m;
        }

        static double[] mul(double[][] m, double[] x) {
            double[] out = new double[m.length];
            for (int r = 0; r < m.length; r++) {
                for (int c = 0; c < x.length; c++) {
                    out[r] += m[r][c] * x[c];
                }
            }
            return out;
        }

        double[] norm(double[] x, String weight) throws IOException {
            double[] w = matrix(weight, dim, 1)[0];
            double ss = 0;
            for (double v : x) {
                ss += v * v;
            }
            double s = 1 / Math.sqrt(ss / dim + eps);
            double[] out = new double[dim];
            for (int i = 0; i < dim; i++) {
                out[i] = x[i] * s * w[i];
            }
            return out;
        }

        void rope(double[] v, int pos, int nHeads) {
            int hd = dim / heads;
            for (int h = 0; h < nHeads; h++) {
                for (int i = 0; i < hd / 2; i++) {
                    double theta = pos * Math.pow(base, -2.0 * i / hd);
                    double a = v[h * hd + 2 * i];
                    double b = v[h * hd + 2 * i + 1];
                    v[h * hd + 2 * i] = a * Math.cos(theta) - b * Math.sin(theta);
                    v[h * hd + 2 * i + 1] = a * Math.sin(theta) + b * Math.cos(theta);
                }
            }
        }

        double[] next(int token, int pos) throws IOException {
            int hd = dim / heads;
            int kvDim = kvHeads * hd;
            double[] x = matrix("token_embd.weight", dim, vocab)[token].clone();
            for (int l = 0; l < layers; l++) {
                String p = "blk." + l + ".";
                double[] xb = norm(x, p + "attn_norm.weight");
                double[] q = mul(matrix(p + "attn_q.weight", dim, dim), xb);
                double[] k = mul(matrix(p + "attn_k.weight", dim, kvDim), xb);
                double[] v = mul(matrix(p + "attn_v.weight", dim, kvDim), xb);
                rope(q, pos, heads);
                rope(k, pos, kvHeads);
                kCache.get(l).add(k);
                vCache.get(l).add(v);
                double[] att = new double[dim];
                for (int h = 0; h < heads; h++) {
                    int kh = h / (heads / kvHeads);
                    double[] s = new double[pos + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int t = 0; t <= pos; t++) {
                        for (int i = 0; i < hd; i++) {
                            s[t] += q[h * hd + i] * kCache.get(l).get(t)[kh * hd + i];
                        }
                        s[t] /= Math.sqrt(hd);
                        max = Math.max(max, s[t]);
                    }
                    double sum = 0;
                    for (int t = 0; t <= pos; t++) {
                        s[t] = Math.exp(s[t] - max);
                        sum += s[t];
                    }
                    for (int t = 0; t <= pos; t++) {
                        for (int i = 0; i < hd; i++) {
                            att[h * hd + i] += s[t] / sum * vCache.get(l).get(t)[kh * hd + i];
                        }
                    }
                }
                double[] o = mul(matrix(p + "attn_output.weight", dim, dim), att);
                for (int i = 0; i < dim; i++) {
                    x[i] += o[i];
                }
                xb = norm(x, p + "ffn_norm.weight");
                double[] g = mul(matrix(p + "ffn_gate.weight", dim, ffn), xb);
                double[] u = mul(matrix(p + "ffn_up.weight", dim, ffn), xb);
                for (int i = 0; i < ffn; i++) {
                    g[i] = g[i] / (1 + Math.exp(-g[i])) * u[i];
                }
                double[] d = mul(matrix(p + "ffn_down.weight", ffn, dim), g);
                for (int i = 0; i < dim; i++) {
                    x[i] += d[i];
                }
            }
            return mul(matrix("output.weight", dim, vocab), norm(x, "output_norm.weight"));
        }
    }

    @Test
    void logitsAgreeWithTheDoublePrecisionReferenceAndGreedyTokensAreTheSame() throws IOException {
        try (LlamaModel model = LlamaModel.load(MODEL); GgufFile f = GgufFile.open(MODEL);
             LlamaModel.Sequence seq = model.newSequence(1)) {
            Reference ref = new Reference(f);
            int[] prompt = model.tokenizer().encode("the cat sat on the mat");
            int token = prompt[0];
            int[] ours = new int[40];
            int[] theirs = new int[40];
            double worst = 0;
            for (int pos = 0; pos < prompt.length + ours.length; pos++) {
                float[] logits = seq.next(token);
                double[] expected = ref.next(token, pos);
                for (int i = 0; i < logits.length; i++) {
                    worst = Math.max(worst, Math.abs(logits[i] - expected[i]));
                }
                int argmax = 0;
                for (int i = 1; i < expected.length; i++) {
                    if (expected[i] > expected[argmax]) {
                        argmax = i;
                    }
                }
                if (pos + 1 < prompt.length) {
                    token = prompt[pos + 1];
                } else {
                    int g = pos + 1 - prompt.length;
                    if (g >= ours.length) {
                        break;
                    }
                    ours[g] = Sampler.argMax(logits);
                    theirs[g] = argmax;
                    token = ours[g];
                }
            }
            assertEquals(0, worst, 1e-4, "largest logit difference from the reference");
            assertArrayEquals(theirs, ours);
        }
    }
}
