package com.computemarket.devnet;

import com.computemarket.chain.crypto.Addresses;
import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.protocol.Block;
import com.computemarket.chain.protocol.BlockHeader;
import com.computemarket.chain.protocol.ChainFormatException;
import com.computemarket.chain.protocol.Merkle;
import com.computemarket.chain.protocol.Transaction;
import org.bouncycastle.util.encoders.Hex;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The devnet's chain: accounts, mempool, blocks and receipts behind one lock. Blocks are written to the
 * {@link BlockLog} (and forced to disk) before the new state becomes visible, so what a client has read
 * survives a crash; on start the log is replayed from genesis and every state root is checked again.
 */
final class DevnetChain implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DevnetChain.class.getName());
    private static final String ZERO_HASH = "0".repeat(64);

    /** What {@code /status} reports. */
    record Status(long height, String lastHash, int mempoolSize) {
    }

    /** A transaction's lifecycle as {@code /tx/{hash}/receipt} reports it; {@code blockHeight} null until included. */
    record Receipt(String txHash, String status, Long blockHeight, long timestamp, String error) {
    }

    /** The answer to {@code /tx/send}: the hash, and the rejection reason or null when accepted. */
    record Admission(String txHash, String rejection) {
    }

    /** The single validator's block statistics, as far as {@code /validators} shows them. */
    record ValidatorStats(long blocksProposed, long lastBlockHeight, long joinedHeight) {
    }

    private final ChainKey validatorKey;
    private final String proposerAddress;
    private final String rewardAddress;
    private final Map<String, BigInteger> genesis;
    private final BlockLog log;
    private final Mempool mempool;
    private final LongSupplier clockMillis;

    private final List<String> blockJson = new ArrayList<>();
    private final Map<String, Receipt> receipts = new HashMap<>();
    private Accounts accounts = new Accounts();
    private String lastHash = ZERO_HASH;
    private long lastTimestamp;

    DevnetChain(DataDir dataDir, Map<String, BigInteger> requestedGenesis, Mempool mempool, LongSupplier clockMillis) {
        this.validatorKey = dataDir.validatorKey();
        this.proposerAddress = validatorKey.address(Addresses.HRP_CONSENSUS);
        this.rewardAddress = validatorKey.address(Addresses.HRP_ACCOUNT);
        this.genesis = dataDir.genesisAllocations(requestedGenesis);
        this.mempool = mempool;
        this.clockMillis = clockMillis;
        genesis.forEach(accounts::credit);
        this.log = BlockLog.open(dataDir.blockLog());
        try {
            replay();
            if (blockJson.isEmpty()) produceBlock(); // block 0, prev_hash 64 zeros
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    ChainKey validatorKey() {
        return validatorKey;
    }

    String proposerAddress() {
        return proposerAddress;
    }

    String rewardAddress() {
        return rewardAddress;
    }

    synchronized Status status() {
        return new Status(blockJson.size() - 1, lastHash, mempool.size());
    }

    synchronized Accounts.Account account(String address) {
        return accounts.get(address);
    }

    synchronized BigInteger nonce(String address, boolean pending) {
        BigInteger confirmed = accounts.get(address).nonce();
        return pending ? mempool.pendingNonce(address, confirmed) : confirmed;
    }

    synchronized Optional<String> blockJson(long height) {
        return height < 0 || height >= blockJson.size() ? Optional.empty() : Optional.of(blockJson.get((int) height));
    }

    synchronized Optional<Receipt> receipt(String txHash) {
        return Optional.ofNullable(receipts.get(txHash));
    }

    synchronized ValidatorStats validatorStats() {
        return new ValidatorStats(blockJson.size(), blockJson.size() - 1L, 0);
    }

    synchronized Admission submit(Transaction tx) {
        String hash = tx.hash();
        TxAdmission.Verdict verdict = TxAdmission.check(tx, hash, mempool, accounts);
        if (!verdict.accepted()) return new Admission(hash, verdict.rejection());
        Mempool.Pending pending = new Mempool.Pending(hash, tx);
        if (verdict.placement() == TxAdmission.Placement.READY) mempool.addReady(pending);
        else mempool.addQueued(pending);
        receipts.put(hash, new Receipt(hash, "pending", null, nowSeconds(), null));
        return new Admission(hash, null);
    }

    /** Makes the next block from the mempool (possibly empty), writes it to the log, then applies it. */
    synchronized Block produceBlock() {
        long height = blockJson.size();
        BlockExecution.Outcome outcome = BlockExecution.run(accounts,
                mempool.selectForBlock(DevnetParams.MAX_TX_PER_BLOCK), rewardAddress);
        List<Transaction> txs = outcome.included().stream().map(Mempool.Pending::tx).toList();
        // the real node's timestamps are whole seconds; sub-second block times repeat one (never go back)
        long timestamp = Math.max(nowSeconds(), lastTimestamp);
        BlockHeader header = new BlockHeader(height, lastHash, timestamp, DevnetParams.CHAIN_ID, proposerAddress, 0,
                Merkle.txRoot(txs), outcome.state().stateRoot(), Merkle.computeRoot(txs), outcome.gasUsed(),
                DevnetParams.BLOCK_GAS_LIMIT, null, null);
        Block block = new Block(header, txs, Hex.toHexString(validatorKey.sign(header.hashBytes())), 1);
        String json = block.toJson();
        log.append(json);

        accounts = outcome.state();
        accept(block, json);
        List<String> done = new ArrayList<>(outcome.failed().keySet());
        outcome.included().forEach(p -> done.add(p.hash()));
        outcome.failed().forEach((hash, error) -> receipts.put(hash, new Receipt(hash, "failed", null, timestamp, error)));
        mempool.afterBlock(done, accounts)
                .forEach((hash, error) -> receipts.put(hash, new Receipt(hash, "failed", null, timestamp, error)));
        if (!txs.isEmpty() || !outcome.failed().isEmpty()) {
            LOG.info(() -> "block " + height + " " + header.hash() + ": " + txs.size() + " tx, "
                    + outcome.failed().size() + " failed");
        }
        return block;
    }

    @Override
    public synchronized void close() {
        log.close();
    }

    private void accept(Block block, String json) {
        BlockHeader header = block.header();
        blockJson.add(json);
        lastHash = header.hash();
        lastTimestamp = header.timestamp();
        for (Transaction tx : block.txs()) {
            String hash = tx.hash();
            receipts.put(hash, new Receipt(hash, "confirmed", header.height(), header.timestamp(), null));
        }
    }

    /** Rebuilds state from the block log; a torn or unreadable last line is dropped, anything else stops the node. */
    private void replay() {
        List<String> lines = new ArrayList<>(log.entries());
        for (int i = 0; i < lines.size(); i++) {
            Block block;
            try {
                block = Block.fromJson(lines.get(i));
            } catch (ChainFormatException e) {
                if (i == lines.size() - 1) {
                    log.dropLast();
                    break;
                }
                throw new IllegalStateException("block log line " + (i + 1) + " is unreadable: " + e.getMessage(), e);
            }
            BlockHeader h = block.header();
            if (h.height() != i || !h.prevHash().equals(lastHash)) {
                throw new IllegalStateException("block log line " + (i + 1) + " does not continue the chain");
            }
            if (!block.signatureValid(validatorKey.publicKeyCompressed())) {
                throw new IllegalStateException("block " + i + " is not signed by this data dir's validator key");
            }
            Accounts next = BlockExecution.replay(accounts, block.txs(), rewardAddress);
            if (!next.stateRoot().equals(h.stateRoot())) {
                throw new IllegalStateException("block " + i + ": state root differs on replay");
            }
            accounts = next;
            accept(block, lines.get(i));
        }
        if (!blockJson.isEmpty()) LOG.info("replayed " + blockJson.size() + " blocks, head " + lastHash);
    }

    private long nowSeconds() {
        return clockMillis.getAsLong() / 1000;
    }

    /** The genesis allocations a new devnet starts with: the faucet premine plus the configured ones. */
    static Map<String, BigInteger> genesisFor(DevnetConfig config) {
        Map<String, BigInteger> alloc = new LinkedHashMap<>();
        alloc.put(ChainKey.fromHex(DevnetParams.FAUCET_PRIVATE_KEY).address(), DevnetParams.GENESIS_PREMINE);
        config.genesisFunds().forEach((address, wei) -> {
            if (!TxAdmission.isAccountAddress(address)) {
                throw new IllegalArgumentException("--fund: not a cpc1 account address: " + address);
            }
            alloc.merge(address, wei, BigInteger::add);
        });
        return alloc;
    }
}
