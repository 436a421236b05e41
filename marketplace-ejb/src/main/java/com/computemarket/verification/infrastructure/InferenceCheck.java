package com.computemarket.verification.infrastructure;

import com.computemarket.challenge.generation.ClaimedText;
import com.computemarket.challenge.generation.Replayer;
import com.computemarket.challenge.generation.TextChallenge;
import com.computemarket.challenge.generation.TextJob;
import com.computemarket.challenge.generation.TextVerdict;
import com.computemarket.challenge.generation.TextVerifier;
import com.computemarket.challenge.generation.TokenRecords;
import com.computemarket.challenge.inference.Comparison;
import com.computemarket.challenge.inference.EmbeddingChallenge;
import com.computemarket.challenge.inference.EmbeddingCommitment;
import com.computemarket.challenge.inference.EmbeddingJob;
import com.computemarket.challenge.inference.EmbeddingVerifier;
import com.computemarket.challenge.inference.Reexecution;
import com.computemarket.challenge.inference.Verdict;
import com.computemarket.inference.generation.GenerationRequest;
import com.computemarket.verification.application.VerifierVerdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * The platform's check of an inference result it holds whole (payload, output, result_hash), with the specs' classes
 * (docs/protocol/inference.md §6, text-generation.md §6): the output must reproduce the committed result_hash, then
 * the challenged items are re-executed and compared bit for bit. No database, no container: the engines come in.
 */
final class InferenceCheck {

    static final String NOT_COMMITTED = "output does not match the commitment";
    private static final TextVerifier TEXT = new TextVerifier();

    private InferenceCheck() {
    }

    /**
     * Embeddings: {@link EmbeddingChallenge#forWorker} sized by the worker's {@code consecutiveAccepted} results,
     * derived from sha256(verifier_nonce ‖ block_hash ‖ result_hash); the challenged items opened from the output and
     * re-executed with {@code engine}, compared by {@link Comparison#EXACT}.
     */
    static VerifierVerdict embedding(JsonNode payload, JsonNode output, String resultHash, int consecutiveAccepted,
                                     byte[] verifierNonce, String blockHash, Reexecution engine) {
        long started = System.nanoTime();
        EmbeddingJob job;
        try {
            job = EmbeddingJob.fromPayload(payload);
        } catch (IllegalArgumentException e) {
            return rejected("unverifiable payload: " + e.getMessage(), started);
        }
        EmbeddingCommitment commitment;
        try {
            commitment = EmbeddingCommitment.of(job, InferenceOutputs.vectors(output));
        } catch (IllegalArgumentException e) {
            return rejected(NOT_COMMITTED + ": " + e.getMessage(), started);
        }
        if (!commitment.resultHash().equalsIgnoreCase(resultHash)) {
            return rejected(NOT_COMMITTED, started);
        }
        EmbeddingChallenge challenge = EmbeddingChallenge.forWorker(job, consecutiveAccepted, verifierNonce, blockHash,
                resultHash.toLowerCase());
        Verdict verdict = new EmbeddingVerifier(engine, Comparison.EXACT)
                .verify(job, resultHash.toLowerCase(), challenge, commitment.open(challenge.indices()));
        return new VerifierVerdict(verdict.accepted(), verdict.reason() + " (k = " + challenge.indices().size() + " of "
                + job.size() + ")", verdict.itemsOpened(), verdict.itemsReexecuted(), micros(started));
    }

    /**
     * Text: every generated position replayed ({@link TextChallenge#everyPosition}, what the spec asks for audited jobs
     * when the verifier holds the whole result), with the engine {@code replayers} gives for the job.
     */
    static VerifierVerdict text(JsonNode payload, JsonNode output, String resultHash, String jobId,
                                Function<TextJob, Replayer> replayers) {
        long started = System.nanoTime();
        TextJob job;
        try {
            job = textJob(payload, jobId);
        } catch (IllegalArgumentException e) {
            return rejected("unverifiable payload: " + e.getMessage(), started);
        }
        ClaimedText claimed;
        try {
            claimed = InferenceOutputs.text(output);
            if (claimed.tokens().length == 0 || claimed.tokens().length != claimed.logProbs().length) {
                return rejected(NOT_COMMITTED + ": " + claimed.tokens().length + " tokens, " + claimed.logProbs().length
                        + " log-probabilities", started);
            }
        } catch (IllegalArgumentException e) {
            return rejected(NOT_COMMITTED + ": " + e.getMessage(), started);
        }
        if (!TokenRecords.of(job, claimed).resultHash().equalsIgnoreCase(resultHash)) {
            return rejected(NOT_COMMITTED, started);
        }
        TextChallenge challenge = TextChallenge.everyPosition(claimed.tokens().length);
        Replayer replayer;
        try {
            replayer = replayers.apply(job);
        } catch (IllegalArgumentException e) {
            return rejected("unverifiable payload: " + e.getMessage(), started);
        }
        TextVerdict verdict = TEXT.verify(job, claimed, resultHash.toLowerCase(), challenge, replayer);
        return new VerifierVerdict(verdict.accepted(), verdict.reason(), challenge.indices().size(),
                verdict.positionsReplayed(), micros(started));
    }

    /** {"model_id","prompt","max_tokens","temperature","seed"}; without a seed, the one derived from the job id. */
    static TextJob textJob(JsonNode payload, String jobId) {
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("a text payload is a JSON object");
        }
        JsonNode model = payload.get("model_id");
        JsonNode prompt = payload.get("prompt");
        JsonNode maxTokens = payload.get("max_tokens");
        if (model == null || !model.isTextual() || prompt == null || !prompt.isTextual()
                || maxTokens == null || !maxTokens.canConvertToInt()) {
            throw new IllegalArgumentException("payload needs model_id, prompt and max_tokens");
        }
        JsonNode temperature = payload.get("temperature");
        JsonNode seed = payload.get("seed");
        return new TextJob(model.textValue(), prompt.textValue(), maxTokens.intValue(),
                temperature == null || temperature.isNull() ? 0f : temperature.floatValue(),
                seed == null || seed.isNull() ? GenerationRequest.seedFromJobId(jobId)
                        : seed.longValue());
    }

    private static VerifierVerdict rejected(String reason, long started) {
        return VerifierVerdict.rejected(reason, micros(started));
    }

    private static long micros(long started) {
        return (System.nanoTime() - started) / 1000;
    }

}
