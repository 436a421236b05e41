package com.computemarket.verification.infrastructure;

import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.rpc.ChainRpcException;
import com.computemarket.chain.rpc.ComputeRootCheck;
import com.computemarket.chain.settlement.ChainRejection;
import com.computemarket.chain.settlement.ChainSettlement;
import com.computemarket.verification.application.ResultChain;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.Optional;

/** Verification's L1 through the chain adapter's ChainSettlement EJB. */
@ApplicationScoped
public class L1ResultChain implements ResultChain {

    @Inject ChainSettlement chain;

    @Override
    public long head() {
        return chain.height();
    }

    @Override
    public Optional<String> blockHash(long height) {
        return chain.blockHash(height);
    }

    @Override
    public BigInteger pendingNonce(String address) {
        return chain.accountNonce(address, true);
    }

    @Override
    public BigInteger confirmedNonce(String address) {
        return chain.accountNonce(address, false);
    }

    @Override
    public BigInteger gasPrice() {
        return chain.gasPrice();
    }

    @Override
    public Relay relay(String signedTransactionJson) {
        try {
            return new Relay.Sent(chain.relayResult(Transaction.fromJson(signedTransactionJson)).sentAtHeight());
        } catch (ChainRejection e) {
            return new Relay.Refused(e.reason(), e.getMessage());
        } catch (EJBException e) {
            if (e.getCause() instanceof ChainRpcException rpc) {
                return new Relay.Unreachable(rpc.getMessage());
            }
            throw e;
        } catch (ChainRpcException e) {
            return new Relay.Unreachable(e.getMessage());
        }
    }

    @Override
    public Optional<Committed> findCommitted(String txHash, long fromHeight) {
        return chain.findInclusion(txHash, fromHeight)
                .map(i -> new Committed(i.height(), i.blockHash(), ComputeRootCheck.check(i).committed()));
    }
}
