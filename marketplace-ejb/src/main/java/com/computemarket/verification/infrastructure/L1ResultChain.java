package com.computemarket.verification.infrastructure;

import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.rpc.ChainRpcException;
import com.computemarket.chain.rpc.ComputeRootCheck;
import com.computemarket.chain.rpc.Inclusion;
import com.computemarket.chain.settlement.ChainRejection;
import com.computemarket.chain.settlement.ChainSettlement;
import com.computemarket.verification.application.ResultChain;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
        return chain.findInclusion(txHash, fromHeight).map(L1ResultChain::committed);
    }

    @Override
    public Map<String, Committed> findAllCommitted(Collection<String> txHashes, long fromHeight) {
        Map<String, Inclusion> found = chain.findInclusions(txHashes, fromHeight); // keyed by lowercase hash
        Map<String, Committed> committed = new HashMap<>();
        for (String txHash : txHashes) {
            Inclusion inclusion = found.get(txHash.toLowerCase(Locale.ROOT));
            if (inclusion != null) {
                committed.put(txHash, committed(inclusion));
            }
        }
        return committed;
    }

    private static Committed committed(Inclusion i) {
        return new Committed(i.height(), i.blockHash(), ComputeRootCheck.check(i).committed());
    }
}
