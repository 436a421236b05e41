package com.computemarket.challenge.generation;

/**
 * Checks a worker's text result against its commitment and a replay of the challenged positions. In order:
 * <ol>
 * <li>shape: 1 ≤ n ≤ max_tokens tokens, one log-probability each; finish "length" ⇔ n = max_tokens and the last
 * token is not EOS; finish "eos" ⇔ the last token is EOS; no EOS before the last token;</li>
 * <li>the records of the delivered tokens and log-probabilities lead to the committed result_hash;</li>
 * <li>for each challenged index i, the engine fed the prompt and the claimed tokens 0..i−1 chooses token_i, and
 * its log-probability has the same float32 bits as the claimed one. Exact equality, no tolerance: the engine is
 * deterministic to the bit on every JVM and thread count (docs/protocol/text-generation.md, "Determinism").</li>
 * </ol>
 * Stateless; thread-safe when the replayer is.
 */
public final class TextVerifier {

    public TextVerdict verify(TextJob job, ClaimedText claimed, String resultHash, TextChallenge challenge,
                              Replayer replayer) {
        int[] tokens = claimed.tokens();
        float[] logProbs = claimed.logProbs();
        int n = tokens.length;
        int eos = replayer.eosToken();
        if (n < 1 || n > job.maxTokens() || logProbs.length != n) {
            return TextVerdict.reject(n + " tokens and " + logProbs.length + " log-probabilities for max_tokens "
                    + job.maxTokens(), 0);
        }
        for (int i = 0; i < n - 1; i++) {
            if (tokens[i] == eos) {
                return TextVerdict.reject("EOS at position " + i + " before the last token", 0);
            }
        }
        boolean endsWithEos = tokens[n - 1] == eos;
        if (ClaimedText.LENGTH.equals(claimed.finishReason())) {
            if (n != job.maxTokens() || endsWithEos) {
                return TextVerdict.reject("finish \"length\" with " + n + " of " + job.maxTokens() + " tokens"
                        + (endsWithEos ? " ending in EOS" : ""), 0);
            }
        } else if (ClaimedText.EOS.equals(claimed.finishReason())) {
            if (!endsWithEos) {
                return TextVerdict.reject("finish \"eos\" but the last token is not EOS", 0);
            }
        } else {
            return TextVerdict.reject("finish reason " + claimed.finishReason() + " is neither length nor eos", 0);
        }
        if (!TokenRecords.of(job, tokens, logProbs).resultHash().equalsIgnoreCase(resultHash)) {
            return TextVerdict.reject("the delivered tokens and log-probabilities do not lead to result_hash", 0);
        }
        int[] indices = challenge.asArray();
        if (indices.length == 0 || indices[indices.length - 1] != n - 1) {
            return TextVerdict.reject("the challenge does not end at the last position " + (n - 1), 0);
        }
        Replayer.Choice[] replayed;
        try {
            replayed = replayer.replay(tokens, indices);
        } catch (IllegalArgumentException e) {
            return TextVerdict.reject("the model refuses the claimed tokens: " + e.getMessage(), 0);
        }
        for (int j = 0; j < indices.length; j++) {
            int i = indices[j];
            Replayer.Choice expected = replayed[j];
            if (expected.token() != tokens[i]) {
                return TextVerdict.reject("position " + i + ": token " + tokens[i] + " claimed, the model chooses "
                        + expected.token(), j + 1);
            }
            if (Float.floatToRawIntBits(expected.logProb()) != Float.floatToRawIntBits(logProbs[i])) {
                return TextVerdict.reject("position " + i + ": log-probability " + logProbs[i] + " claimed, the model gives "
                        + expected.logProb(), j + 1);
            }
        }
        return TextVerdict.accept(indices.length);
    }
}
