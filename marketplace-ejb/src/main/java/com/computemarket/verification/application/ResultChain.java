package com.computemarket.verification.application;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Port: what verification needs of the L1 (the chain adapter). Never called inside a database transaction that
 * holds locks for long: reads are quick, and the relay runs between recorded steps.
 */
public interface ResultChain {

    /** The head's height. */
    long head();

    /** The hash of the block at {@code height}; empty while it does not exist yet. */
    Optional<String> blockHash(long height);

    /** The next nonce the node expects of {@code address}, counting its pool (pending). */
    BigInteger pendingNonce(String address);

    /** Every nonce of {@code address} below this is spent by a transaction in some block. */
    BigInteger confirmedNonce(String address);

    /** The gas price results are signed with. */
    BigInteger gasPrice();

    /** Sends the worker-signed SUBMIT_RESULT (identical bytes each time); the node's answer. */
    Relay relay(String signedTransactionJson);

    /** Looks for the transaction in the blocks from {@code fromHeight} to the head, without waiting. */
    Optional<Committed> findCommitted(String txHash, long fromHeight);

    /**
     * As {@link #findCommitted}, for several transactions in one pass over the blocks from {@code fromHeight}: the
     * ones found, keyed by the hashes as given; the others are absent.
     */
    Map<String, Committed> findAllCommitted(Collection<String> txHashes, long fromHeight);

    /** The node's answer to a relay. */
    sealed interface Relay {
        record Sent(long height) implements Relay {
        }

        /** {@code reason} is the node's (or the adapter's pre-check's) slug, e.g. nonce_too_low. */
        record Refused(String reason, String detail) implements Relay {
        }

        /** The node could not be reached; try again later. */
        record Unreachable(String detail) implements Relay {
        }
    }

    /** The block holding the transaction; {@code committed} when its compute_root commits the result's leaf. */
    record Committed(long height, String blockHash, boolean committed) {
    }
}
