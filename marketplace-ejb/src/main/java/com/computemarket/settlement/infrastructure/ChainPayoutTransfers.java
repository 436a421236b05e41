package com.computemarket.settlement.infrastructure;

import com.computemarket.chain.rpc.Inclusion;
import com.computemarket.chain.settlement.ChainRejection;
import com.computemarket.chain.settlement.ChainSettlement;
import com.computemarket.chain.settlement.SignedTransfer;
import com.computemarket.settlement.application.IncludedPayout;
import com.computemarket.settlement.application.PayoutTransfers;
import com.computemarket.settlement.application.SignedPayout;
import com.computemarket.settlement.application.TransferRefused;
import com.computemarket.shared.Amount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.Optional;

/** Payouts through the chain adapter's ChainSettlement EJB (platform wallet, block scan). */
@ApplicationScoped
public class ChainPayoutTransfers implements PayoutTransfers {

    @Inject ChainSettlement chain;

    @Override
    public SignedPayout sign(String address, Amount amount, BigInteger nonceFloor) {
        try {
            SignedTransfer t = chain.prepareTransfer(address, amount.wei(), nonceFloor);
            return new SignedPayout(t.nonce(), t.txHash(), t.rawJson(), t.signedAtHeight());
        } catch (ChainRejection e) {
            throw new TransferRefused(e.reason(), e.getMessage());
        }
    }

    @Override
    public void release(BigInteger nonce) {
        chain.releaseNonce(nonce);
    }

    @Override
    public long broadcast(SignedPayout tx) {
        try {
            chain.broadcast(signedTransfer(tx));
        } catch (ChainRejection e) {
            throw new TransferRefused(e.reason(), e.getMessage());
        }
        return chain.height();
    }

    @Override
    public Optional<IncludedPayout> awaitInclusion(SignedPayout tx) {
        try {
            return Optional.of(included(chain.awaitInclusion(signedTransfer(tx).asSent())));
        } catch (ChainRejection e) {
            if ("not_included".equals(e.reason())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<IncludedPayout> findInclusion(String txHash, long fromHeight) {
        return chain.findInclusion(txHash, fromHeight).map(ChainPayoutTransfers::included);
    }

    @Override
    public BigInteger confirmedNonce() {
        return chain.confirmedWalletNonce();
    }

    private static SignedTransfer signedTransfer(SignedPayout tx) {
        SignedTransfer t = SignedTransfer.fromRecord(tx.rawTx(), tx.signedAtHeight());
        if (!t.txHash().equals(tx.txHash())) {
            throw new IllegalStateException("recorded payout bytes hash to " + t.txHash() + ", not " + tx.txHash());
        }
        return t;
    }

    private static IncludedPayout included(Inclusion inclusion) {
        return new IncludedPayout(inclusion.txHash(), inclusion.height(), inclusion.blockHash(),
                Amount.ofWei(SignedTransfer.chargedFee(inclusion.tx())));
    }
}
