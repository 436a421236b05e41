package com.computemarket.chain.rpc;

import com.computemarket.chain.protocol.Block;
import com.computemarket.chain.protocol.Merkle;
import com.computemarket.chain.protocol.Transaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Confirms transactions by finding them in blocks, reading {@code /block/{h}} upward from a start height and
 * hashing every transaction, instead of trusting {@code /tx/{hash}/receipt} (which stays "pending" on the real
 * node). A block that holds a sought transaction must also carry the tx_root of its transactions, so the node
 * cannot claim an inclusion its own header does not commit to.
 */
public final class InclusionFinder {

    private final ChainClient client;
    private final Duration pollInterval;
    private final Clock clock;

    public InclusionFinder(ChainClient client, Duration pollInterval) {
        this(client, pollInterval, Clock.systemUTC());
    }

    /** Polls the head once a second. */
    public InclusionFinder(ChainClient client) {
        this(client, Duration.ofSeconds(1));
    }

    InclusionFinder(ChainClient client, Duration pollInterval, Clock clock) {
        if (pollInterval.isNegative() || pollInterval.isZero()) throw new IllegalArgumentException("poll interval must be positive");
        this.client = client;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    /**
     * Scans from {@code fromHeight} (inclusive) until the transaction appears or {@code timeout} passes.
     * Empty on timeout: then look at the sender's nonce and balance before deciding to resend the same bytes.
     */
    public Optional<Inclusion> find(String txHash, long fromHeight, Duration timeout) {
        return Optional.ofNullable(findAll(Set.of(txHash), fromHeight, timeout).get(normalise(txHash)));
    }

    /**
     * As {@link #find}, for several transactions in one pass over the blocks (a payout batch).
     *
     * @return the ones found by the deadline, by (lowercase) tx hash; the others are absent
     */
    public Map<String, Inclusion> findAll(Collection<String> txHashes, long fromHeight, Duration timeout) {
        Set<String> wanted = new LinkedHashSet<>();
        txHashes.forEach(h -> wanted.add(normalise(h)));
        Map<String, Inclusion> found = new LinkedHashMap<>();
        Instant deadline = clock.instant().plus(timeout);
        long next = Math.max(0, fromHeight);
        while (true) {
            long head = client.status().height();
            while (next <= head && found.size() < wanted.size()) {
                Optional<Block> block = client.block(next);
                if (block.isEmpty()) break; // not served yet although /status counted it: try again next poll
                scan(block.get(), wanted, found);
                next++;
            }
            if (found.size() == wanted.size()) return found;
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) return found;
            sleep(left.compareTo(pollInterval) < 0 ? left : pollInterval);
        }
    }

    private static void scan(Block block, Set<String> wanted, Map<String, Inclusion> found) {
        boolean rootChecked = false;
        for (int i = 0; i < block.txs().size(); i++) {
            Transaction tx = block.txs().get(i);
            String hash = tx.hash();
            if (!wanted.contains(hash) || found.containsKey(hash)) continue;
            if (!rootChecked && !Merkle.txRoot(block.txs()).equals(block.header().txRoot())) {
                throw new ChainRpcException("block " + block.header().height() + " holds tx " + hash
                        + " but its tx_root does not match its transactions", 200);
            }
            rootChecked = true;
            found.put(hash, new Inclusion(hash, block.header().height(), block.hash(), i, block));
        }
    }

    private static String normalise(String txHash) {
        return txHash.toLowerCase(Locale.ROOT);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeUnreachableException("interrupted while waiting for a block", e);
        }
    }
}
