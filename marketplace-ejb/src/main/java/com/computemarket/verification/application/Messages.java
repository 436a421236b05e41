package com.computemarket.verification.application;

import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.verification.domain.Verification;
import com.computemarket.workerprotocol.WireMessage;
import java.math.BigInteger;

/** The wire messages verification sends to workers. */
final class Messages {

    private Messages() {
    }

    static WireMessage.ChallengeRows challenge(Verification v) {
        return new WireMessage.ChallengeRows(v.jobId(), SyntheticJob.CHALLENGE_TYPE, v.challenge().leafIndices(),
                v.challengeBlockHash(), v.respondBy().toString());
    }

    /** The ComputeResult's task_id is the job id: on the L1 each job is one result. */
    static WireMessage.SignRequest signRequest(Verification v, BigInteger gasPrice) {
        return new WireMessage.SignRequest(v.jobId(), v.jobId().toString(), v.resultHash(), Proofs.of(v),
                v.challengeHeight(), v.txNonce().longValueExact(), gasPrice.longValueExact());
    }

    static WireMessage.JobUpdate update(Verification v, String status, String detail) {
        return new WireMessage.JobUpdate(v.jobId(), status, detail, v.txHash(), v.blockHeight());
    }
}
