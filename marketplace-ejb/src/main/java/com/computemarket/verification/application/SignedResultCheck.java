package com.computemarket.verification.application;

import com.computemarket.chain.crypto.Hexes;
import com.computemarket.chain.protocol.ChainFormatException;
import com.computemarket.chain.protocol.ComputeResult;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.protocol.TxType;
import com.computemarket.shared.DomainException;
import com.computemarket.verification.domain.Verification;
import java.math.BigInteger;

/**
 * Checks a worker's signed SUBMIT_RESULT against what it was asked to sign. The L1 would accept a wrong sender or a
 * malformed result and drop it silently, and checks neither the result nor the worker's signature: this does.
 */
final class SignedResultCheck {

    private final Transaction tx;

    private SignedResultCheck(Transaction tx) {
        this.tx = tx;
    }

    static SignedResultCheck of(String json) {
        try {
            return new SignedResultCheck(Transaction.fromJson(json));
        } catch (ChainFormatException e) {
            throw DomainException.invalid("malformed-transaction", "the signed transaction does not parse: " + e.getMessage());
        }
    }

    String txHash() {
        return tx.hash();
    }

    void against(Verification v, String proof, BigInteger gasPrice) {
        require(tx.txType() == TxType.SUBMIT_RESULT, "expected a SUBMIT_RESULT, not " + tx.txType());
        require(v.workerAddress().equals(tx.fromAddress()), "from_address must be " + v.workerAddress());
        require(v.txNonce().equals(tx.nonce()), "nonce must be " + v.txNonce() + ", not " + tx.nonce());
        require(tx.gasPrice().compareTo(gasPrice) >= 0, "gas_price must be at least " + gasPrice);
        require(tx.signatureValid(), "the transaction signature does not verify against pub_key");
        ComputeResult result;
        try {
            result = ComputeResult.fromPayload(tx.payload());
        } catch (ChainFormatException e) {
            throw DomainException.invalid("wrong-signed-result", "the payload is not a ComputeResult: " + e.getMessage());
        }
        require(v.jobId().toString().equals(result.taskId()), "task_id must be the job id " + v.jobId());
        require(v.workerAddress().equals(result.workerAddress()), "worker_address must be " + v.workerAddress());
        require(v.resultHash().equals(result.resultHash()), "result_hash must be the committed " + v.resultHash());
        require(proof.equals(result.proof()), "proof must be the verifier's text as sent");
        require(BigInteger.valueOf(v.challengeHeight()).equals(result.nonce()), "the result nonce must be " + v.challengeHeight());
        byte[] key = Hexes.tryDecode(tx.pubKey());
        require(key != null && result.workerSignatureValid(key), "the ComputeResult signature does not verify");
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw DomainException.invalid("wrong-signed-result", problem);
        }
    }
}
