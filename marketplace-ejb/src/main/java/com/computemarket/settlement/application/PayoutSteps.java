package com.computemarket.settlement.application;

import com.computemarket.settlement.domain.Payout;
import com.computemarket.settlement.domain.PayoutRepository;
import com.computemarket.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The recorded steps of a payout's delivery, each committed on its own before the next talk with the L1, so that
 * after a crash the payout continues from what was recorded. Every step is safe to repeat.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PayoutSteps {

    private static final Logger LOG = Logger.getLogger(PayoutSteps.class.getName());

    @Inject PayoutRepository payouts;
    @Inject PayoutAccounts accounts;
    @Inject Clock clock;

    public Payout load(UUID id) {
        return require(id);
    }

    /** The least nonce a new payout transaction may take: above every recorded one the node may not know yet. */
    public BigInteger nonceFloor() {
        return payouts.highestLiveNonce().map(n -> n.add(BigInteger.ONE)).orElse(BigInteger.ZERO);
    }

    public List<Payout> liveBelow(BigInteger nonce) {
        return payouts.liveBelow(nonce);
    }

    public Payout signed(UUID id, SignedPayout tx) {
        Payout payout = require(id);
        payout.signed(tx.nonce(), tx.txHash(), tx.rawTx(), tx.signedAtHeight(), clock.instant());
        LOG.info(() -> "payout " + id + " signed as " + tx.txHash() + " (nonce " + tx.nonce() + ", attempt "
                + payout.attempts() + ")");
        return payout;
    }

    public Payout sent(UUID id, long height) {
        Payout payout = require(id);
        payout.sent(height, clock.instant());
        return payout;
    }

    public Payout confirmed(UUID id, IncludedPayout inclusion) {
        Payout payout = require(id);
        if (payout.confirmed(inclusion.txHash(), inclusion.height(), inclusion.blockHash(), inclusion.fee(),
                clock.instant())) {
            accounts.confirmed(payout, inclusion.fee());
            LOG.info(() -> "payout " + id + " confirmed: " + inclusion.txHash() + " in block " + inclusion.height()
                    + " (fee " + inclusion.fee() + ")");
        }
        return payout;
    }

    public Payout replaced(UUID id) {
        Payout payout = require(id);
        String dead = payout.txHash().orElse("?");
        payout.replaced(clock.instant());
        LOG.warning(() -> "payout " + id + ": transaction " + dead + " is proven dead (its nonce was spent by another"
                + " transaction and it is in no block); a new one will be signed");
        return payout;
    }

    public Payout failed(UUID id, String reason) {
        Payout payout = require(id);
        payout.fail(reason, clock.instant());
        accounts.returned(payout);
        LOG.warning(() -> "payout " + id + " failed, its amount is back in the worker's payable: " + reason);
        return payout;
    }

    private Payout require(UUID id) {
        return payouts.find(id).orElseThrow(() -> DomainException.notFound("payout-not-found", "no payout " + id));
    }
}
