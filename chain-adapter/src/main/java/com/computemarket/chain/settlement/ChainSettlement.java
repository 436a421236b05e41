package com.computemarket.chain.settlement;

import com.computemarket.chain.crypto.Addresses;
import com.computemarket.chain.protocol.ComputeResult;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.protocol.TxType;
import com.computemarket.chain.rpc.ChainClient;
import com.computemarket.chain.rpc.ComputeRootCheck;
import com.computemarket.chain.rpc.Inclusion;
import com.computemarket.chain.rpc.InclusionFinder;
import com.computemarket.chain.rpc.TxRejectedException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The platform's gate to the L1. Sends transactions (payouts from the platform wallet, results signed by workers)
 * and confirms each by finding it in a block: the node's receipt endpoint is unreliable and the node accepts some
 * transactions it later drops. Never inside a database transaction: callers record intent first, then call here.
 * Sends from the platform wallet are serialised so that its nonces are handed out once each, in order.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.CONTAINER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChainSettlement {

    private static final Logger LOG = Logger.getLogger(ChainSettlement.class.getName());

    @Inject ChainSettings settings;
    @Inject PlatformWallet wallet;

    private ChainClient client;
    private InclusionFinder inclusions;
    /** The next nonce this server will use for the platform wallet; the node's pending nonce wins when higher. */
    private BigInteger nextWalletNonce = BigInteger.ZERO;

    @PostConstruct
    void connect() {
        client = new ChainClient(URI.create(settings.nodeUrl()));
        inclusions = new InclusionFinder(client, settings.blockPoll());
    }

    @Lock(LockType.READ)
    public String nodeUrl() {
        return settings.nodeUrl();
    }

    @Lock(LockType.READ)
    public long height() {
        return client.status().height();
    }

    @Lock(LockType.READ)
    public String walletAddress() {
        return wallet.address();
    }

    /**
     * Sends {@code amount} (10^-18 CPC) from the platform wallet to {@code toAddress}; answers once the node took it.
     * Signs and sends at once: callers that must never pay twice use {@link #prepareTransfer} and {@link #broadcast}.
     */
    @Lock(LockType.WRITE)
    public SentTransaction transfer(String toAddress, BigInteger amount) {
        SignedTransfer signed = prepareTransfer(toAddress, amount, BigInteger.ZERO);
        try {
            return broadcast(signed);
        } catch (ChainRejection e) {
            releaseNonce(signed.nonce());
            throw e;
        }
    }

    /**
     * Signs a TRANSFER from the platform wallet without sending it, and reserves its nonce: the larger of the node's
     * pending nonce, the next one this server handed out, and {@code nonceFloor}. The caller records the result
     * before it {@link #broadcast broadcasts} it; {@code nonceFloor} lets it account for transactions it signed and
     * recorded but the node has not seen (after a restart this server's memory of them is gone).
     */
    @Lock(LockType.WRITE)
    public SignedTransfer prepareTransfer(String toAddress, BigInteger amount, BigInteger nonceFloor) {
        if (!Addresses.isValid(toAddress) || !toAddress.startsWith(Addresses.HRP_ACCOUNT + "1")) {
            throw new ChainRejection("invalid_address", "not a cpc1… account address: " + toAddress);
        }
        if (amount.signum() <= 0) {
            throw new ChainRejection("transfer_amount_zero", "a transfer must move a positive amount, not " + amount);
        }
        String from = wallet.address();
        long height = client.status().height();
        BigInteger nonce = client.nonce(from, true).max(nextWalletNonce).max(nonceFloor);
        Transaction tx = wallet.sign(Transaction.unsigned(TxType.TRANSFER, from, toAddress, amount, nonce,
                settings.gasPrice(), null));
        nextWalletNonce = nonce.add(BigInteger.ONE);
        LOG.info(() -> "signed TRANSFER " + tx.hash() + " of " + amount + " to " + toAddress + " (nonce " + nonce + ")");
        return SignedTransfer.of(tx, height);
    }

    /**
     * Gives back a nonce {@link #prepareTransfer} reserved for a transaction that will never be sent (its record
     * failed, or the node refused it for good), so that the next transfer fills the gap instead of queueing behind it.
     */
    @Lock(LockType.WRITE)
    public void releaseNonce(BigInteger nonce) {
        if (nextWalletNonce.compareTo(nonce) > 0) {
            nextWalletNonce = nonce;
        }
    }

    /**
     * Posts the identical signed bytes again (any number of times). A refusal that follows from an earlier copy
     * having landed ({@code already_in_pool}, or {@code nonce_too_low} after an attempt that may have arrived)
     * counts as sent; others throw {@link ChainRejection} with the node's reason, and {@code nonce_too_low} or
     * {@code insufficient_balance} on a later call may still mean it landed: look for it in a block.
     */
    @Lock(LockType.READ)
    public SentTransaction broadcast(SignedTransfer signed) {
        Transaction tx = signed.transaction();
        try {
            send(tx, signed.signedAtHeight());
        } catch (ChainRejection e) {
            if (!"already_in_pool".equals(e.reason())) {
                throw e;
            }
            LOG.fine(() -> "TRANSFER " + signed.txHash() + " is already in the node's pool");
        }
        LOG.info(() -> "sent TRANSFER " + signed.txHash() + " (nonce " + signed.nonce() + ")");
        return signed.asSent();
    }

    /** The platform wallet's confirmed nonce: every lower nonce is spent by a transaction in some block. */
    @Lock(LockType.READ)
    public BigInteger confirmedWalletNonce() {
        return client.nonce(wallet.address(), false);
    }

    /** The hash of the block at {@code height}; empty while there is none. */
    @Lock(LockType.READ)
    public Optional<String> blockHash(long height) {
        return client.block(height).map(com.computemarket.chain.protocol.Block::hash);
    }

    /** An account's nonce: the next one the node expects counting its pool ({@code pending}), or the confirmed one. */
    @Lock(LockType.READ)
    public BigInteger accountNonce(String address, boolean pending) {
        return client.nonce(address, pending);
    }

    /** The gas price this platform signs and asks workers to sign with. */
    @Lock(LockType.READ)
    public BigInteger gasPrice() {
        return settings.gasPrice();
    }

    /** One pass over the blocks from {@code fromHeight} to the head, without waiting for more. */
    @Lock(LockType.READ)
    public Optional<Inclusion> findInclusion(String txHash, long fromHeight) {
        return inclusions.find(txHash, fromHeight, Duration.ZERO);
    }

    /** As {@link #findInclusion}, for several transactions in one pass; the ones found, by lowercase tx hash. */
    @Lock(LockType.READ)
    public Map<String, Inclusion> findInclusions(Collection<String> txHashes, long fromHeight) {
        return inclusions.findAll(txHashes, fromHeight, Duration.ZERO);
    }

    /**
     * Relays a SUBMIT_RESULT that a worker signed with its own key (the L1 wants worker_address == from_address).
     * Checked here first, because the real node accepts malformed results and then silently drops them.
     */
    @Lock(LockType.READ)
    public SentTransaction relayResult(Transaction signedByWorker) {
        if (signedByWorker.txType() != TxType.SUBMIT_RESULT) {
            throw new ChainRejection("not_a_result", "expected SUBMIT_RESULT, got " + signedByWorker.txType());
        }
        ComputeResult result = ComputeResult.fromPayload(signedByWorker.payload());
        if (!result.workerAddress().equals(signedByWorker.fromAddress())) {
            throw new ChainRejection("worker_address_mismatch",
                    "worker_address " + result.workerAddress() + " differs from from_address " + signedByWorker.fromAddress());
        }
        if (!signedByWorker.signatureValid()) {
            throw new ChainRejection("invalid_signature", "the worker's transaction signature does not verify");
        }
        return send(signedByWorker, client.status().height());
    }

    /** Finds a sent transaction in a block; fails with reason {@code not_included} after the confirmation timeout. */
    @Lock(LockType.READ)
    public Inclusion awaitInclusion(SentTransaction sent) {
        return inclusions.find(sent.txHash(), sent.sentAtHeight(), settings.confirmationTimeout())
                .orElseThrow(() -> new ChainRejection("not_included", "transaction " + sent.txHash()
                        + " was not found in any block within " + settings.confirmationTimeout()));
    }

    /** Confirms a relayed result and proves its leaf is committed by the block's compute_root. */
    @Lock(LockType.READ)
    public Inclusion awaitResultCommitted(SentTransaction sent) {
        Inclusion inclusion = awaitInclusion(sent);
        if (!ComputeRootCheck.check(inclusion).committed()) {
            throw new ChainRejection("compute_root_mismatch", "block " + inclusion.height()
                    + " does not commit the result of " + sent.txHash() + " in its compute_root");
        }
        return inclusion;
    }

    @Lock(LockType.READ)
    public BigInteger balance(String address) {
        return client.balance(address).balance();
    }

    private SentTransaction send(Transaction tx, long height) {
        try {
            // POSSIBLY_RECEIVED is handled like RECEIVED: the caller confirms by block scan either way
            String hash = client.send(tx).txHash();
            return new SentTransaction(hash, tx.fromAddress(), tx.nonce(), height);
        } catch (TxRejectedException e) {
            LOG.warning(() -> "the L1 rejected " + tx.txType() + " " + tx.hash() + ": " + e.reason());
            throw new ChainRejection(e.reason(), "the L1 node rejected the transaction: " + e.reason());
        }
    }
}
