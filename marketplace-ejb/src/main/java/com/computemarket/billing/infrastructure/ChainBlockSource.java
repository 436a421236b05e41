package com.computemarket.billing.infrastructure;

import com.computemarket.billing.application.BlockSource;
import com.computemarket.billing.application.ChainTransfer;
import com.computemarket.billing.application.ScannedBlock;
import com.computemarket.chain.protocol.Block;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.protocol.TxType;
import com.computemarket.chain.rpc.ChainClient;
import com.computemarket.chain.rpc.ChainRpcException;
import com.computemarket.chain.rpc.RpcSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Blocks from an L1 node through the chain adapter's RPC client, each checked against its own header's roots. */
public class ChainBlockSource implements BlockSource {

    private final ChainClient client;

    public ChainBlockSource(ChainClient client) {
        this.client = client;
    }

    /** Short timeouts and one attempt per call: for passes (a scan tick, a report) whose next run is the retry. */
    public static ChainBlockSource quick(String nodeUrl) {
        return new ChainBlockSource(new ChainClient(URI.create(nodeUrl), RpcSettings.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)).withRetries(1, Duration.ZERO, Duration.ZERO)));
    }

    @Override
    public long tipHeight() {
        return client.status().height();
    }

    @Override
    public Optional<ScannedBlock> block(long height) {
        return client.block(height).map(ChainBlockSource::scanned);
    }

    static ScannedBlock scanned(Block block) {
        if (!block.rootsMatch()) {
            throw new ChainRpcException("block " + block.header().height() + " does not match its header's roots", 200);
        }
        return new ScannedBlock(block.header().height(), block.hash(), block.txs().stream()
                .filter(tx -> tx.txType() == TxType.TRANSFER && tx.toAddress() != null)
                .map(ChainBlockSource::transfer).toList());
    }

    private static ChainTransfer transfer(Transaction tx) {
        return new ChainTransfer(tx.hash(), tx.fromAddress(), tx.toAddress(), tx.amount());
    }
}
