package com.computemarket.settlement.application;

import com.computemarket.shared.Amount;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A platform wallet on a toy chain that behaves like the L1 where it matters: a block executes the pool's
 * transactions in nonce order from the confirmed nonce, a lower nonce is refused, the node may drop a transaction,
 * and someone else may spend a nonce. Signing is deterministic: the same transfer at the same nonce has the same hash.
 */
class FakeChain implements PayoutTransfers {

    static final Amount FEE = Amount.ofWei(21_000L * 1000);

    record Tx(String hash, String to, Amount amount, BigInteger nonce) {
    }

    final Map<String, Tx> signed = new LinkedHashMap<>();
    final Map<String, Tx> pool = new LinkedHashMap<>();
    final List<List<Tx>> blocks = new ArrayList<>();
    BigInteger confirmedNonce = BigInteger.ZERO;
    BigInteger nextNonce = BigInteger.ZERO;
    boolean down;
    /** awaitInclusion produces a block first (time passes), unless false. */
    boolean mines = true;
    int signings;
    int broadcasts;
    Consumer<SignedPayout> beforeBroadcast = tx -> { };

    @Override
    public SignedPayout sign(String address, Amount amount, BigInteger nonceFloor) {
        requireUp();
        if (!address.startsWith("cpc1")) throw new TransferRefused("invalid_address", "not a cpc1… address: " + address);
        BigInteger nonce = pendingNonce().max(nextNonce).max(nonceFloor);
        nextNonce = nonce.add(BigInteger.ONE);
        Tx tx = new Tx("tx-" + address + "-" + amount.wei() + "-" + nonce, address, amount, nonce);
        signed.put(tx.hash(), tx);
        signings++;
        return new SignedPayout(nonce, tx.hash(), "{\"raw\":\"" + tx.hash() + "\"}", height());
    }

    @Override
    public void release(BigInteger nonce) {
        if (nextNonce.compareTo(nonce) > 0) nextNonce = nonce;
    }

    @Override
    public long broadcast(SignedPayout payout) {
        beforeBroadcast.accept(payout);
        requireUp();
        broadcasts++;
        Tx tx = signed.get(payout.txHash());
        if (tx.nonce().compareTo(confirmedNonce) < 0) throw new TransferRefused("nonce_too_low", "nonce_too_low");
        pool.putIfAbsent(tx.hash(), tx); // already_in_pool counts as sent
        return height();
    }

    @Override
    public Optional<IncludedPayout> awaitInclusion(SignedPayout tx) {
        requireUp();
        if (mines) mine();
        return findInclusion(tx.txHash(), tx.signedAtHeight());
    }

    @Override
    public Optional<IncludedPayout> findInclusion(String txHash, long fromHeight) {
        requireUp();
        for (int h = (int) Math.max(0, fromHeight); h < blocks.size(); h++) {
            for (Tx tx : blocks.get(h)) {
                if (tx.hash().equals(txHash)) return Optional.of(new IncludedPayout(txHash, h, "block-" + h, FEE));
            }
        }
        return Optional.empty();
    }

    @Override
    public BigInteger confirmedNonce() {
        requireUp();
        return confirmedNonce;
    }

    /** One block: the pool's transactions from the confirmed nonce on, in order, while there is no gap. */
    void mine() {
        List<Tx> block = new ArrayList<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Tx tx : List.copyOf(pool.values())) {
                if (tx.nonce().equals(confirmedNonce)) {
                    block.add(tx);
                    pool.remove(tx.hash());
                    confirmedNonce = confirmedNonce.add(BigInteger.ONE);
                    progress = true;
                } else if (tx.nonce().compareTo(confirmedNonce) < 0) {
                    pool.remove(tx.hash());
                }
            }
        }
        blocks.add(block);
    }

    /** Another transaction of the wallet (not a payout) spends the next nonce. */
    void foreignTransactionSpendsNextNonce() {
        blocks.add(List.of(new Tx("foreign-" + confirmedNonce, "cpc1someoneelse", Amount.ofWei(1), confirmedNonce)));
        confirmedNonce = confirmedNonce.add(BigInteger.ONE);
        nextNonce = nextNonce.max(confirmedNonce);
    }

    /** The node lost its mempool (a restart, or a silent drop). */
    void dropPool() {
        pool.clear();
    }

    long transfersTo(String address) {
        return blocks.stream().flatMap(List::stream).filter(tx -> tx.to().equals(address)).count();
    }

    long height() {
        return blocks.size();
    }

    private BigInteger pendingNonce() {
        BigInteger n = confirmedNonce;
        while (true) {
            BigInteger want = n;
            if (pool.values().stream().noneMatch(tx -> tx.nonce().equals(want))) return n;
            n = n.add(BigInteger.ONE);
        }
    }

    private void requireUp() {
        if (down) throw new IllegalStateException("node unreachable");
    }
}
