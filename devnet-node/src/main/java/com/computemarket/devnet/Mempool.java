package com.computemarket.devnet;

import com.computemarket.chain.protocol.Transaction;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * The real node's nonce-aware mempool: a ready pool (nonce equal to the confirmed account nonce) and a queue
 * of future nonces per sender, promoted after each block when the gap closes. Like the real node, a
 * transaction is "ready" only when its nonce equals the <em>confirmed</em> nonce, so a burst of sequential
 * transactions from one sender queues (at most 64) and drains over the following blocks.
 * Not thread-safe: {@link DevnetChain} guards it with its lock.
 */
final class Mempool {

    /** A transaction with its hash, computed once. */
    record Pending(String hash, Transaction tx) {
    }

    private final LinkedHashMap<String, Pending> ready = new LinkedHashMap<>();
    private final Map<String, List<Pending>> queuedBySender = new HashMap<>();
    private final Map<String, Pending> queuedByHash = new HashMap<>();
    private final int maxSize;
    private final int maxReadyPerSender;

    Mempool(int maxSize, int maxReadyPerSender) {
        this.maxSize = maxSize;
        this.maxReadyPerSender = maxReadyPerSender;
    }

    /** Ready transactions only, as the real node's {@code mempool_size} counts. */
    int size() {
        return ready.size();
    }

    boolean isFull() {
        return ready.size() >= maxSize;
    }

    boolean senderAtLimit(String sender) {
        return ready.values().stream().filter(p -> p.tx().fromAddress().equals(sender)).count() >= maxReadyPerSender;
    }

    boolean contains(String hash) {
        return ready.containsKey(hash) || queuedByHash.containsKey(hash);
    }

    boolean queueFull(String sender) {
        return queuedBySender.getOrDefault(sender, List.of()).size() >= DevnetParams.MAX_QUEUED_PER_SENDER;
    }

    void addReady(Pending p) {
        ready.put(p.hash(), p);
    }

    void addQueued(Pending p) {
        List<Pending> queue = queuedBySender.computeIfAbsent(p.tx().fromAddress(), k -> new ArrayList<>());
        queue.add(p);
        queue.sort(Comparator.comparing(q -> q.tx().nonce()));
        queuedByHash.put(p.hash(), p);
    }

    /**
     * The real node's block order: per sender by nonce; across senders, a heap on the gas price of each
     * sender's next transaction (highest first, ties by sender address).
     */
    List<Pending> selectForBlock(int maxCount) {
        Map<String, List<Pending>> bySender = new LinkedHashMap<>();
        for (Pending p : ready.values()) bySender.computeIfAbsent(p.tx().fromAddress(), k -> new ArrayList<>()).add(p);
        bySender.values().forEach(list -> list.sort(Comparator.comparing(p -> p.tx().nonce())));
        record Head(BigInteger gasPrice, String sender) {
        }
        PriorityQueue<Head> heap = new PriorityQueue<>(Comparator.comparing(Head::gasPrice).reversed()
                .thenComparing(Head::sender));
        bySender.forEach((sender, list) -> heap.add(new Head(list.get(0).tx().gasPrice(), sender)));
        List<Pending> out = new ArrayList<>();
        while (!heap.isEmpty() && out.size() < maxCount) {
            String sender = heap.poll().sender();
            List<Pending> list = bySender.get(sender);
            out.add(list.remove(0));
            if (!list.isEmpty()) heap.add(new Head(list.get(0).tx().gasPrice(), sender));
        }
        return out;
    }

    /**
     * After a block: drops the given transactions, prunes stale nonces, and promotes each sender's queued
     * transactions whose nonces now follow on, re-checking the balance like the real node: a queued
     * transaction the sender can no longer pay for is dropped and promotion stops there, leaving a gap.
     *
     * @return the transactions dropped without inclusion, with the reason, for their receipts
     */
    Map<String, String> afterBlock(Collection<String> done, Accounts confirmed) {
        done.forEach(ready::remove);
        Map<String, String> dropped = new LinkedHashMap<>();
        ready.values().removeIf(p -> {
            boolean stale = isStale(p, confirmed);
            if (stale) dropped.put(p.hash(), STALE);
            return stale;
        });
        for (Iterator<Map.Entry<String, List<Pending>>> it = queuedBySender.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, List<Pending>> entry = it.next();
            Accounts.Account account = confirmed.get(entry.getKey());
            List<Pending> queue = entry.getValue();
            queue.removeIf(p -> {
                boolean stale = isStale(p, confirmed);
                if (stale) {
                    queuedByHash.remove(p.hash());
                    dropped.put(p.hash(), STALE);
                }
                return stale;
            });
            BigInteger expected = account.nonce();
            while (!queue.isEmpty() && queue.get(0).tx().nonce().equals(expected)) {
                Pending next = queue.remove(0);
                queuedByHash.remove(next.hash());
                if (account.balance().compareTo(next.tx().amount().add(next.tx().fee())) < 0) {
                    dropped.put(next.hash(), "insufficient balance when promoted from the queue");
                    break;
                }
                ready.put(next.hash(), next);
                expected = expected.add(BigInteger.ONE);
            }
            if (queue.isEmpty()) it.remove();
        }
        return dropped;
    }

    private static final String STALE = "nonce already used by another transaction";

    private static boolean isStale(Pending p, Accounts confirmed) {
        return p.tx().nonce().compareTo(confirmed.get(p.tx().fromAddress()).nonce()) < 0;
    }

    /** The real node's pending nonce: the first gap after the confirmed nonce among ready and queued nonces. */
    BigInteger pendingNonce(String address, BigInteger confirmedNonce) {
        TreeSet<BigInteger> nonces = new TreeSet<>();
        ready.values().stream().filter(p -> p.tx().fromAddress().equals(address)).forEach(p -> nonces.add(p.tx().nonce()));
        queuedBySender.getOrDefault(address, List.of()).forEach(p -> nonces.add(p.tx().nonce()));
        BigInteger expected = confirmedNonce;
        for (BigInteger n : nonces.tailSet(confirmedNonce)) {
            if (!n.equals(expected)) break;
            expected = expected.add(BigInteger.ONE);
        }
        return expected;
    }
}
