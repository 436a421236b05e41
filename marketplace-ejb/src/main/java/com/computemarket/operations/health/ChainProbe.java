package com.computemarket.operations.health;

import com.computemarket.chain.settlement.ChainSettlement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Asks the L1 node for its status through the chain adapter: up means it answers and reports a height. */
@ApplicationScoped
public class ChainProbe {

    @Inject ChainSettlement chain;

    public Check probe() {
        try {
            return Check.up(Map.of("node", chain.nodeUrl(), "height", chain.height()));
        } catch (jakarta.ejb.EJBException e) {
            return Check.down(e.getCause() == null ? e : e.getCause());
        } catch (RuntimeException e) {
            return Check.down(e);
        }
    }
}
