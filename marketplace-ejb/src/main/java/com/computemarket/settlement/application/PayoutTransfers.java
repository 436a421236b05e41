package com.computemarket.settlement.application;

import com.computemarket.shared.Amount;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Port to the L1 for payouts (adapter: the chain adapter's ChainSettlement). Never called inside a transaction.
 * A node that cannot be reached throws an unchecked exception, and the caller tries again later.
 */
public interface PayoutTransfers {

    /**
     * Signs a TRANSFER from the platform wallet without sending it, with a nonce at least {@code nonceFloor}.
     *
     * @throws TransferRefused when it cannot be sent at all (an invalid address): nothing was signed
     */
    SignedPayout sign(String address, Amount amount, BigInteger nonceFloor);

    /** The signed transaction will never be sent: its nonce may be handed out again. */
    void release(BigInteger nonce);

    /**
     * Posts the recorded bytes; answers the chain height. The node already holding it counts as sent.
     *
     * @throws TransferRefused with the node's reason otherwise
     */
    long broadcast(SignedPayout tx);

    /** Looks for it in blocks from its signing height until found or the confirmation timeout passes. */
    Optional<IncludedPayout> awaitInclusion(SignedPayout tx);

    /** One pass from {@code fromHeight} to the head. */
    Optional<IncludedPayout> findInclusion(String txHash, long fromHeight);

    /** The platform wallet's confirmed nonce: every lower nonce is spent by a transaction in a block. */
    BigInteger confirmedNonce();
}
