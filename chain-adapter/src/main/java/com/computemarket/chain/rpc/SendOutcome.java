package com.computemarket.chain.rpc;

/**
 * What {@code send} knows about a transaction the node did not reject.
 *
 * @param txHash   the hash, identical for every attempt: the same signed bytes were posted each time
 * @param delivery RECEIVED, or POSSIBLY_RECEIVED when an earlier attempt may have reached the node and a retry was
 *                 refused for that reason (see {@code nodeAnswer}); either way confirm by block scan, never re-sign
 * @param nodeAnswer the node's reason on the retry for POSSIBLY_RECEIVED (e.g. {@code already_in_pool}), else null
 */
public record SendOutcome(String txHash, Delivery delivery, String nodeAnswer) {

    public enum Delivery {
        /** The node answered "received" (which on the real node still does not promise inclusion). */
        RECEIVED,
        /** The first attempt may have landed: find the hash in a block before doing anything else. */
        POSSIBLY_RECEIVED
    }
}
