package com.computemarket.settlement.application;

import com.computemarket.settlement.domain.Payout;
import java.math.BigInteger;

/** A payout's transaction as signed by the platform wallet and recorded: nonce, hash, the exact bytes. */
public record SignedPayout(BigInteger nonce, String txHash, String rawTx, long signedAtHeight) {

    /** The transaction recorded on a SIGNED or SENT payout. */
    static SignedPayout of(Payout payout) {
        return new SignedPayout(payout.nonce().orElseThrow(), payout.txHash().orElseThrow(),
                payout.rawTx().orElseThrow(), payout.signedAtHeight().orElseThrow());
    }
}
