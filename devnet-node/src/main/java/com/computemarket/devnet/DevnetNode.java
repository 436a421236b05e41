package com.computemarket.devnet;

import com.computemarket.chain.protocol.Block;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A single-validator ComputeChain devnet in plain Java SE, speaking the real node's HTTP RPC, for local runs
 * and tests. Embed it with {@link #start(DevnetConfig)} and {@link #close()}, or run it with
 * {@code java -jar devnet-node-<version>-all.jar --port 8000 --block-time 5s}.
 * See docs/devnet-node.md for where it deliberately differs from the real node.
 */
public final class DevnetNode implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DevnetNode.class.getName());

    private final DevnetConfig config;
    private final DevnetChain chain;
    private final RpcServer rpc;
    private final ScheduledExecutorService blockTimer;

    private DevnetNode(DevnetConfig config, DevnetChain chain, RpcServer rpc, ScheduledExecutorService blockTimer) {
        this.config = config;
        this.chain = chain;
        this.rpc = rpc;
        this.blockTimer = blockTimer;
    }

    /**
     * Opens (or creates) the chain in {@code config.dataDir()}, serves the RPC and produces a block every
     * {@code config.blockTime()}, empty or not, like the real node.
     */
    public static DevnetNode start(DevnetConfig config) {
        DevnetChain chain = new DevnetChain(new DataDir(config.dataDir()), DevnetChain.genesisFor(config),
                new Mempool(config.mempoolMax(), config.maxTxPerSender()), System::currentTimeMillis);
        RpcServer rpc;
        try {
            rpc = new RpcServer(chain, config.host(), config.port(), config.httpThreads());
        } catch (IOException e) {
            chain.close();
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port(), e);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "devnet-blocks");
            t.setDaemon(true);
            return t;
        });
        long period = config.blockTime().toMillis();
        timer.scheduleAtFixedRate(() -> {
            try {
                chain.produceBlock();
            } catch (RuntimeException e) { // an escaping exception would cancel the schedule for good
                LOG.log(Level.SEVERE, "block production failed; retrying at the next slot", e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
        DevnetNode node = new DevnetNode(config, chain, rpc, timer);
        LOG.info(() -> "devnet " + DevnetParams.CHAIN_ID + " serving " + node.baseUrl() + ", validator "
                + chain.proposerAddress() + ", block time " + config.blockTime().toMillis() + "ms, data "
                + config.dataDir().toAbsolutePath());
        return node;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return rpc.port();
    }

    /** {@code http://host:port/}, the base URL for a {@code ChainClient}. */
    public URI baseUrl() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        if (host.equals("0.0.0.0") || host.equals("[::]")) host = "127.0.0.1";
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The validator's consensus address ({@code cpcvalcons1…}), the blocks' proposer_address. */
    public String validatorAddress() {
        return chain.proposerAddress();
    }

    /** The validator's compressed public key, hex: blocks' pq_signature verifies against it. */
    public String validatorPublicKeyHex() {
        return chain.validatorKey().publicKeyHex();
    }

    /** Produces the next block now, outside the schedule (tests that want blocks at exact points use a long block time). */
    Block produceBlock() {
        return chain.produceBlock();
    }

    /** Stops block production and the RPC, then closes the block log. */
    @Override
    public void close() {
        blockTimer.shutdown();
        try {
            if (!blockTimer.awaitTermination(10, TimeUnit.SECONDS)) blockTimer.shutdownNow();
        } catch (InterruptedException e) {
            blockTimer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        rpc.close();
        chain.close();
    }

    public static void main(String[] args) throws InterruptedException {
        DevnetConfig config;
        try {
            config = DevnetConfig.fromArgs(args, System.getenv());
        } catch (DevnetConfig.UsageException e) {
            System.err.println(e.getMessage());
            boolean help = java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h");
            System.exit(help ? 0 : 2);
            return;
        }
        DevnetNode node = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "devnet-shutdown"));
        System.out.println("ComputeChain devnet " + DevnetParams.CHAIN_ID + " on " + node.baseUrl()
                + " (validator " + node.validatorAddress() + ", data " + config.dataDir().toAbsolutePath() + ")");
        stopped.await();
    }
}
