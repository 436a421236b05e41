package com.computemarket.inference.generation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs text-generation jobs on one GGUF model, and replays challenged positions for the verifier with the very same
 * code path, so an honest worker and the verifier agree to the bit. Thread-safe: each call uses its own sequence.
 */
public final class TextGenerator implements AutoCloseable {

    private final LlamaModel model;
    private final int threads;

    public TextGenerator(LlamaModel model, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.model = model;
        this.threads = threads;
    }

    public static TextGenerator open(Path gguf, int threads) throws IOException {
        return new TextGenerator(LlamaModel.load(gguf), threads);
    }

    public LlamaModel model() {
        return model;
    }

    /** The prompt's tokens, or IllegalArgumentException when prompt + max_tokens exceed the model's context. */
    public int[] promptTokens(GenerationRequest request) {
        int[] prompt = model.tokenizer().encode(request.prompt());
        int context = model.config().contextLength();
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the model adds no BOS, so the prompt must not be empty");
        }
        if (prompt.length + request.maxTokens() > context) {
            throw new IllegalArgumentException("prompt (" + prompt.length + " tokens) + max_tokens ("
                    + request.maxTokens() + ") exceed the model's context of " + context + " tokens");
        }
        return prompt;
    }

    public GenerationResult generate(GenerationRequest request) {
        int[] prompt = promptTokens(request);
        int eos = model.tokenizer().eos();
        int[] tokens = new int[request.maxTokens()];
        float[] logProbs = new float[request.maxTokens()];
        int n = 0;
        FinishReason finish = FinishReason.LENGTH;
        try (LlamaModel.Sequence seq = model.newSequence(threads, prompt.length + request.maxTokens())) {
            float[] logits = null;
            for (int t : prompt) {
                logits = seq.next(t);
            }
            while (n < request.maxTokens()) {
                TokenChoice choice = Sampler.choose(logits, request.temperature(), request.seed(), n);
                tokens[n] = choice.token();
                logProbs[n] = choice.logProb();
                n++;
                if (choice.token() == eos) {
                    finish = FinishReason.EOS;
                    break;
                }
                if (n < request.maxTokens()) {
                    logits = seq.next(choice.token());
                }
            }
        }
        int[] out = Arrays.copyOf(tokens, n);
        int[] visible = finish == FinishReason.EOS ? Arrays.copyOf(out, n - 1) : out;
        return new GenerationResult(model.tokenizer().decode(visible), out, Arrays.copyOf(logProbs, n), finish,
                prompt.length);
    }

    /**
     * The verifier's replay: feeds the prompt and then the claimed tokens (teacher forcing) and returns, for each
     * requested generated index (ascending, each below {@code claimed.length}), the token this engine chooses
     * there and its log-probability. Costs prompt + max(indices) forward passes.
     */
    public TokenChoice[] replay(GenerationRequest request, int[] claimed, int[] indices) {
        int[] prompt = promptTokens(request);
        TokenChoice[] out = new TokenChoice[indices.length];
        if (indices.length == 0) {
            return out;
        }
        for (int j = 0; j < indices.length; j++) {
            if (indices[j] < 0 || indices[j] >= claimed.length || (j > 0 && indices[j] <= indices[j - 1])) {
                throw new IllegalArgumentException("indices must ascend within the " + claimed.length + " claimed tokens");
            }
        }
        if (claimed.length > request.maxTokens()) {
            throw new IllegalArgumentException(claimed.length + " claimed tokens exceed max_tokens " + request.maxTokens());
        }
        for (int t : claimed) {
            if (t < 0 || t >= model.config().vocab()) {
                throw new IllegalArgumentException("claimed token " + t + " is outside the vocabulary");
            }
        }
        try (LlamaModel.Sequence seq = model.newSequence(threads, prompt.length + claimed.length)) {
            float[] logits = null;
            for (int t : prompt) {
                logits = seq.next(t);
            }
            int j = 0;
            for (int i = 0; j < indices.length; i++) {
                if (i == indices[j]) {
                    out[j++] = Sampler.choose(logits, request.temperature(), request.seed(), i);
                }
                if (j < indices.length) {
                    logits = seq.next(claimed[i]);
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        model.close();
    }
}
