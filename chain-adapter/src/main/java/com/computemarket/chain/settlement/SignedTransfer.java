package com.computemarket.chain.settlement;

import com.computemarket.chain.protocol.Transaction;
import java.math.BigInteger;

/**
 * A TRANSFER signed by the platform wallet and not yet (known to be) sent: the caller records it durably first,
 * then {@link ChainSettlement#broadcast broadcasts} these exact bytes, as often as needed. The signature is not part
 * of the hash, so {@code txHash} names this transaction however often it is sent.
 *
 * @param rawJson        the signed transaction as the node takes it at {@code /tx/send}
 * @param maxFee         the declared fee; the chain charges base gas × gas price (see {@link #chargedFee()})
 * @param signedAtHeight the chain height when it was signed: it cannot be in an earlier block
 */
public record SignedTransfer(String txHash, String fromAddress, String toAddress, BigInteger amount, BigInteger nonce,
                             BigInteger gasPrice, BigInteger maxFee, String rawJson, long signedAtHeight) {

    static SignedTransfer of(Transaction signed, long height) {
        return new SignedTransfer(signed.hash(), signed.fromAddress(), signed.toAddress(), signed.amount(),
                signed.nonce(), signed.gasPrice(), signed.fee(), signed.toJson(), height);
    }

    /** A signed transfer as recorded earlier: its raw JSON and the height it was signed at. */
    public static SignedTransfer fromRecord(String rawJson, long signedAtHeight) {
        return of(Transaction.fromJson(rawJson), signedAtHeight);
    }

    /** The recorded bytes as a transaction again; refuses bytes that no longer hash to {@code txHash}. */
    public Transaction transaction() {
        Transaction tx = Transaction.fromJson(rawJson);
        if (!tx.hash().equals(txHash)) {
            throw new IllegalStateException("recorded transaction bytes hash to " + tx.hash() + ", not " + txHash);
        }
        return tx;
    }

    /** What the chain takes from the wallet besides the amount once this is executed: base gas × gas price. */
    public BigInteger chargedFee() {
        return chargedFee(transaction());
    }

    /** The fee the chain charges for an executed transaction (gas used is the type's base gas). */
    public static BigInteger chargedFee(Transaction tx) {
        return BigInteger.valueOf(tx.txType().baseGas()).multiply(tx.gasPrice());
    }

    /** As a sent transaction, to look for it in blocks from the height it was signed at. */
    public SentTransaction asSent() {
        return new SentTransaction(txHash, fromAddress, nonce, signedAtHeight);
    }
}
