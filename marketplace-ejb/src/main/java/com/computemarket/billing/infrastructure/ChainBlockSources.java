package com.computemarket.billing.infrastructure;

import com.computemarket.billing.application.BlockSource;
import com.computemarket.billing.application.BlockSources;
import com.computemarket.chain.settlement.ChainSettlement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Block sources on the node the chain adapter is configured with. */
@ApplicationScoped
public class ChainBlockSources implements BlockSources {

    @Inject ChainSettlement chain;

    @Override
    public BlockSource quick() {
        return ChainBlockSource.quick(chain.nodeUrl());
    }
}
