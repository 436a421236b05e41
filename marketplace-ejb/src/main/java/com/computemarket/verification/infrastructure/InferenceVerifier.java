package com.computemarket.verification.infrastructure;

import com.computemarket.catalogue.application.LocalModel;
import com.computemarket.catalogue.application.ModelCatalogue;
import com.computemarket.inference.generation.EngineReplayer;
import com.computemarket.inference.generation.GenerationRequest;
import com.computemarket.market.application.JobOutput;
import com.computemarket.market.application.JobOutputs;
import com.computemarket.shared.ChallengeType;
import com.computemarket.shared.JobId;
import com.computemarket.shared.WorkerId;
import com.computemarket.verification.application.ResultVerifier;
import com.computemarket.verification.application.VerifierVerdict;
import com.computemarket.verification.domain.Verification;
import com.computemarket.workerprotocol.WireMessage;
import com.computemarket.workers.application.WorkerDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Inference results (embeddings and text generation, docs/protocol/inference.md and text-generation.md): the platform
 * holds the whole output, so nothing is asked of the worker. Once the challenge block is known, the clock calls
 * {@link #verify} outside any transaction: the output must reproduce the committed result_hash, then the challenged
 * items are re-executed with the model's engines (model kind and files from the catalogue) and compared bit for bit.
 */
@ApplicationScoped
public class InferenceVerifier implements ResultVerifier {

    @Inject JobOutputs outputs;
    @Inject ModelCatalogue catalogue;
    @Inject WorkerDirectory workers;
    @Inject InferenceEngines engines;

    @Override
    public String challengeType() {
        return ChallengeType.INFERENCE.wire();
    }

    @Override
    public boolean workerAnswers() {
        return false;
    }

    @Override
    public WireMessage challenge(Verification v) {
        throw new UnsupportedOperationException("an inference result is re-executed by the platform; the worker is asked nothing");
    }

    /** IllegalStateException (tried again later) when the output is not stored or the model cannot be loaded. */
    @Override
    public VerifierVerdict verify(Verification v) {
        JobOutput out = outputs.of(JobId.of(v.jobId())).orElseThrow(() -> new IllegalStateException(
                "the output of job " + v.jobId() + " is not stored"));
        JsonNode payload = out.payload();
        LocalModel model = catalogue.localFiles(out.modelId());
        return switch (model.kind()) {
            case "embedding" -> InferenceCheck.embedding(payload, out.output(), v.resultHash(),
                    workers.consecutiveAccepted(WorkerId.of(v.workerId())), v.verifierNonce(), v.challengeBlockHash(),
                    engines.embedding(model));
            case "text-generation" -> InferenceCheck.text(payload, out.output(), v.resultHash(), v.jobId().toString(),
                    job -> new EngineReplayer(engines.text(model), new GenerationRequest(job.modelId(), job.prompt(),
                            job.maxTokens(), job.temperature(), job.seed())));
            default -> throw new IllegalStateException("model " + model.modelId() + " is of kind " + model.kind()
                    + ", which has no verifier");
        };
    }
}
