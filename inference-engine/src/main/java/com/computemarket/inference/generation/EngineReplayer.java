package com.computemarket.inference.generation;

import com.computemarket.challenge.generation.Replayer;

/**
 * worker-protocol's Replayer port over {@link TextGenerator#replay}, for one job's request: what the platform's
 * verifier (and the connector's self-checks) replay claimed tokens with. Thread-safe as far as the engine is.
 */
public final class EngineReplayer implements Replayer {

    private final TextGenerator engine;
    private final GenerationRequest request;

    public EngineReplayer(TextGenerator engine, GenerationRequest request) {
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
