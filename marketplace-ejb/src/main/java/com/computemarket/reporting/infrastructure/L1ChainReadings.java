package com.computemarket.reporting.infrastructure;

import com.computemarket.billing.application.BlockSource;
import com.computemarket.billing.application.BlockSources;
import com.computemarket.chain.settlement.ChainSettlement;
import com.computemarket.reporting.application.ChainReadings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The reports' view of the L1: the chain adapter's node, blocks through billing's block sources. */
@ApplicationScoped
public class L1ChainReadings implements ChainReadings {

    @Inject ChainSettlement chain;
    @Inject BlockSources blockSources;

    @Override
    public String nodeUrl() {
        return chain.nodeUrl();
    }

    @Override
    public long height() {
        return chain.height();
    }

    @Override
    public BlockSource blocks() {
        return blockSources.quick();
    }
}
