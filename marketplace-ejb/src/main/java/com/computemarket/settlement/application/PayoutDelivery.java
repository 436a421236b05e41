package com.computemarket.settlement.application;

import com.computemarket.settlement.domain.Payout;
import com.computemarket.settlement.domain.PayoutStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Takes one payout as far as it can go, from whatever state is recorded: signs its transaction and records it before
 * sending (PENDING/REPLACED), sends the recorded bytes (SIGNED/SENT, again after a crash), and records it CONFIRMED
 * once found in a block. A second transaction is signed only after the first is proven dead: the wallet's nonce has
 * passed it and it is in no block. Runs outside any transaction: each recorded step commits on its own.
 * Throws when the L1 cannot be reached or the transaction is still undecided, so the message comes back later.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PayoutDelivery {

    private static final Logger LOG = Logger.getLogger(PayoutDelivery.class.getName());
    /** New transactions one delivery may sign; more means something else spends the wallet's nonces. */
    static final int MAX_SIGNINGS = 3;

    @Inject PayoutSteps steps;
    @Inject PayoutTransfers transfers;

    public PayoutDelivery() {
    }

    PayoutDelivery(PayoutSteps steps, PayoutTransfers transfers) {
        this.steps = steps;
        this.transfers = transfers;
    }

    public PayoutStatus deliver(UUID payoutId) {
        Payout payout = steps.load(payoutId);
        int signings = 0;
        while (true) {
            switch (payout.status()) {
                case CONFIRMED, FAILED -> {
                    return payout.status();
                }
                case PENDING, REPLACED -> {
                    if (++signings > MAX_SIGNINGS) {
                        throw new PayoutNotSettledYet("payout " + payoutId + ": " + MAX_SIGNINGS
                                + " transactions proven dead in one delivery; is another client spending the wallet's nonces?");
                    }
                    payout = sign(payout);
                }
                case SIGNED, SENT -> payout = sendAndConfirm(payout);
                default -> throw new IllegalStateException("unknown payout status " + payout.status());
            }
        }
    }

    private Payout sign(Payout payout) {
        SignedPayout tx;
        try {
            tx = transfers.sign(payout.address(), payout.amount(), steps.nonceFloor());
        } catch (TransferRefused refused) {
            // nothing was signed, so nothing can be on the chain: the amount goes back to the worker
            return steps.failed(payout.id(), refused.reason() + ": " + refused.getMessage());
        }
        try {
            return steps.signed(payout.id(), tx);
        } catch (RuntimeException e) {
            transfers.release(tx.nonce()); // never recorded, so never sent: let the next payout take its nonce
            throw e;
        }
    }

    private Payout sendAndConfirm(Payout payout) {
        SignedPayout tx = SignedPayout.of(payout);
        // the chain executes the wallet's nonces in order: recorded transactions below this one go (again) first
        for (Payout earlier : steps.liveBelow(tx.nonce())) {
            resend(earlier);
        }
        try {
            long height = transfers.broadcast(tx);
            if (payout.status() == PayoutStatus.SIGNED) {
                payout = steps.sent(payout.id(), height);
                CrashHook.afterSent(payout);
            }
        } catch (TransferRefused refused) {
            return decide(payout, tx, "the node refused it: " + refused.reason());
        }
        Optional<IncludedPayout> inclusion = transfers.awaitInclusion(tx);
        if (inclusion.isPresent()) {
            return steps.confirmed(payout.id(), inclusion.get());
        }
        return decide(payout, tx, "not in a block yet");
    }

    /**
     * The transaction was refused or not found in time: it is either in a block after all, proven dead, or still
     * undecided (then try again later). The nonce is read before the blocks are scanned, so a block that spends it
     * is always among the scanned ones.
     */
    private Payout decide(Payout payout, SignedPayout tx, String why) {
        BigInteger confirmedNonce = transfers.confirmedNonce();
        Optional<IncludedPayout> inclusion = transfers.findInclusion(tx.txHash(), tx.signedAtHeight());
        if (inclusion.isPresent()) {
            return steps.confirmed(payout.id(), inclusion.get());
        }
        if (confirmedNonce.compareTo(tx.nonce()) > 0) {
            return steps.replaced(payout.id());
        }
        throw new PayoutNotSettledYet("payout " + payout.id() + " (" + tx.txHash() + ", nonce " + tx.nonce() + "): "
                + why + "; the wallet's confirmed nonce is " + confirmedNonce + ", will look again");
    }

    private void resend(Payout earlier) {
        try {
            transfers.broadcast(SignedPayout.of(earlier));
        } catch (TransferRefused refused) {
            LOG.fine(() -> "resending earlier payout " + earlier.id() + ": " + refused.reason());
        }
    }
}
