package com.computemarket.inference.generation;

import com.computemarket.inference.generation.gguf.GgufFile;

/** The shape of a Llama-family model, from its GGUF metadata ({@code llama.*} keys). */
public record LlamaConfig(int dim, int layers, int heads, int kvHeads, int ffnDim, int vocab, int contextLength,
                          int ropeDims, double ropeFreqBase, float rmsEps) {

    public LlamaConfig {
        if (dim % heads != 0 || heads % kvHeads != 0 || ropeDims > dim / heads || ropeDims % 2 != 0) {
            throw new IllegalArgumentException("inconsistent Llama shape: dim " + dim + ", heads " + heads
                    + ", kv heads " + kvHeads + ", rope dims " + ropeDims);
        }
    }

    public int headDim() {
        return dim / heads;
    }

    public int kvDim() {
        return kvHeads * headDim();
    }

    static LlamaConfig from(GgufFile f) {
        String arch = f.string("general.architecture");
        if (!arch.equals("llama")) {
            throw new IllegalArgumentException(f.path().getFileName() + " is a " + arch + " model; this engine runs llama");
        }
        int dim = (int) f.integer("llama.embedding_length");
        int heads = (int) f.integer("llama.attention.head_count");
        int kvHeads = (int) f.integer("llama.attention.head_count_kv", heads);
        int vocab = f.metadata().get("llama.vocab_size") instanceof Long v ? (int) (long) v
                : f.array("tokenizer.ggml.tokens").size();
        return new LlamaConfig(dim, (int) f.integer("llama.block_count"), heads, kvHeads,
                (int) f.integer("llama.feed_forward_length"), vocab, (int) f.integer("llama.context_length"),
                (int) f.integer("llama.rope.dimension_count", dim / heads),
                f.real("llama.rope.freq_base", 10000.0),
                (float) f.real("llama.attention.layer_norm_rms_epsilon", 1e-5));
    }
}
