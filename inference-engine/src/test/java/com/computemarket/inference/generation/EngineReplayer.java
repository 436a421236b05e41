package com.computemarket.inference.generation;

import com.computemarket.challenge.generation.Replayer;

/** The adapter the platform's verifier will have: worker-protocol's Replayer port over TextGenerator.replay. */
final class EngineReplayer implements Replayer {

    private final TextGenerator engine;
    private final GenerationRequest request;

    EngineReplayer(TextGenerator engine, GenerationRequest request) {
        this.engine = engine;
        this.request = request;
    }

    @Override
    public Choice[] replay(int[] claimedTokens, int[] indices) {
        TokenChoice[] choices = engine.replay(request, claimedTokens, indices);
        Choice[] out = new Choice[choices.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Choice(choices[i].token(), choices[i].logProb());
        }
        return out;
    }

    @Override
    public int eosToken() {
        return engine.model().tokenizer().eos();
    }
}
