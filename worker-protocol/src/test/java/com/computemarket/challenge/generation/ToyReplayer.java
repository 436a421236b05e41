package com.computemarket.challenge.generation;

/**
 * A deterministic stand-in for an engine: vocabulary 50, EOS 2; the "model" chooses
 * (31·previous token + 7·index + 3) mod 50 (or EOS at index 5 when the previous token is 9), with log-probability
 * −(index + 1)/8. Enough to exercise every rule of the verifier without a model file.
 */
final class ToyReplayer implements Replayer {

    static final int EOS = 2;
    int calls;

    static Choice choose(int previous, int index) {
        int token = index == 5 && previous == 9 ? EOS : Math.floorMod(31 * previous + 7 * index + 3, 50);
        if (token == EOS && !(index == 5 && previous == 9)) {
            token = 3;
        }
        return new Choice(token, -(index + 1) / 8f);
    }

    /** An honest result of up to maxTokens tokens after a prompt ending in {@code first}. */
    static ClaimedText honest(int first, int maxTokens) {
        int[] tokens = new int[maxTokens];
        float[] lp = new float[maxTokens];
        int previous = first;
        for (int i = 0; i < maxTokens; i++) {
            Choice c = choose(previous, i);
            tokens[i] = c.token();
            lp[i] = c.logProb();
            previous = c.token();
            if (c.token() == EOS) {
                return new ClaimedText(java.util.Arrays.copyOf(tokens, i + 1), java.util.Arrays.copyOf(lp, i + 1), ClaimedText.EOS);
            }
        }
        return new ClaimedText(tokens, lp, ClaimedText.LENGTH);
    }

    private final int first;

    ToyReplayer(int first) {
        this.first = first;
    }

    @Override
    public Choice[] replay(int[] claimedTokens, int[] indices) {
        calls++;
        Choice[] out = new Choice[indices.length];
        for (int j = 0; j < indices.length; j++) {
            int i = indices[j];
            out[j] = choose(i == 0 ? first : claimedTokens[i - 1], i);
        }
        return out;
    }

    @Override
    public int eosToken() {
        return EOS;
    }
}
