package com.computemarket.connector.run;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.protocol.ComputeResult;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.protocol.TxType;
import java.math.BigInteger;

/**
 * Signs results with the worker's own key: the ComputeResult over its signable bytes, then the SUBMIT_RESULT that
 * carries it (the L1 wants worker_address == from_address). The nonce is given by the caller, never counted here:
 * the marketplace asks with the node's pending nonce, so a result it never relays leaves no gap.
 */
public final class ResultSigner {

    private final ChainKey key;

    public ResultSigner(ChainKey key) {
        this.key = key;
    }

    public Transaction submitResult(String taskId, String resultHash, String proof, BigInteger resultNonce,
                                    BigInteger txNonce, BigInteger gasPrice) {
        ComputeResult result = new ComputeResult(taskId, key.address(), resultHash, proof, resultNonce, "").signedBy(key);
        return Transaction.unsigned(TxType.SUBMIT_RESULT, key.address(), null, BigInteger.ZERO, txNonce, gasPrice,
                result.toPayload()).signedBy(key);
    }
}
