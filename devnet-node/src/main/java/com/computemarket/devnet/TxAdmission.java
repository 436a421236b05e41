package com.computemarket.devnet;

import com.computemarket.chain.crypto.Addresses;
import com.computemarket.chain.crypto.Signatures;
import com.computemarket.chain.protocol.ChainFormatException;
import com.computemarket.chain.protocol.ComputeResult;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.protocol.TxType;

import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /tx/send}'s checks, in the real node's order with its reason strings, plus the devnet's stricter
 * checks (marked DEVNET) where the real node answers "received" and then silently drops the transaction.
 * Not thread-safe: called under {@link DevnetChain}'s lock.
 */
final class TxAdmission {

    /** Transaction types the devnet executes; the real node also stakes and delegates, this one does not. */
    static final Set<TxType> EXECUTED = EnumSet.of(TxType.TRANSFER, TxType.SUBMIT_RESULT);

    /** Where an accepted transaction goes. */
    enum Placement { READY, QUEUED }

    /** Either a rejection reason, or where the accepted transaction goes. */
    record Verdict(String rejection, Placement placement) {
        static Verdict reject(String reason) {
            return new Verdict(reason, null);
        }

        boolean accepted() {
            return rejection == null;
        }
    }

    private TxAdmission() {
    }

    static Verdict check(Transaction tx, String hash, Mempool pool, Accounts confirmed) {
        if (tx.gasPrice().compareTo(DevnetParams.MIN_GAS_PRICE) < 0) {
            return Verdict.reject("gas_price " + tx.gasPrice() + " < min " + DevnetParams.MIN_GAS_PRICE);
        }
        if (tx.txType() == null) return Verdict.reject("unknown_tx_type");
        BigInteger baseGas = BigInteger.valueOf(tx.txType().baseGas());
        if (tx.gasLimit().compareTo(baseGas) < 0) {
            return Verdict.reject("gas_limit " + tx.gasLimit() + " < base_gas " + baseGas);
        }
        BigInteger neededFee = baseGas.multiply(tx.gasPrice());
        if (tx.fee().compareTo(neededFee) < 0) return Verdict.reject("fee " + tx.fee() + " < needed_fee " + neededFee);
        // the real node checks its capacity here, before the (costlier) signature checks
        if (pool.isFull()) return Verdict.reject("mempool_full");
        if (pool.senderAtLimit(tx.fromAddress())) return Verdict.reject("sender_limit_exceeded");

        String cryptoRejection = checkSignature(tx);
        if (cryptoRejection != null) return Verdict.reject(cryptoRejection);

        String devnetRejection = checkExecutable(tx);
        if (devnetRejection != null) return Verdict.reject(devnetRejection);

        if (tx.txType() == TxType.TRANSFER && tx.amount().signum() == 0) return Verdict.reject("transfer_amount_zero");
        Accounts.Account account = confirmed.get(tx.fromAddress());
        // the mempool wants the declared fee covered, although execution charges only base_gas * gas_price
        if (account.balance().compareTo(tx.amount().add(tx.fee())) < 0) return Verdict.reject("insufficient_balance");
        int order = tx.nonce().compareTo(account.nonce());
        if (order < 0) return Verdict.reject("nonce_too_low");
        if (pool.contains(hash)) return Verdict.reject("already_in_pool");
        if (order == 0) return new Verdict(null, Placement.READY);
        if (pool.queueFull(tx.fromAddress())) return Verdict.reject("queued_limit_exceeded");
        return new Verdict(null, Placement.QUEUED);
    }

    /** The real node's stateless crypto checks, with Python's error texts where it embeds them. */
    private static String checkSignature(Transaction tx) {
        if (isEmpty(tx.signature()) || isEmpty(tx.pubKey())) return "missing_sig_or_key";
        byte[] pub;
        try {
            pub = PythonHex.fromHex(tx.pubKey());
        } catch (PythonHex.FromHexError e) {
            return "invalid_key_format: " + e.getMessage();
        }
        if (!derivesFromAddress(pub, tx.fromAddress())) return "pub_key_mismatch";
        byte[] sig;
        try {
            sig = PythonHex.fromHex(tx.signature());
        } catch (PythonHex.FromHexError e) {
            return "crypto_error: " + e.getMessage();
        }
        return Signatures.verify(tx.hashBytes(), pub, sig) ? null : "invalid_signature";
    }

    /** The node derives the address with the HRP before the sender's first '1'. */
    private static boolean derivesFromAddress(byte[] pub, String fromAddress) {
        try {
            return Addresses.matchesPublicKey(fromAddress, pub);
        } catch (RuntimeException e) {
            return false; // an HRP bech32 cannot carry derives no address, so it cannot match
        }
    }

    /**
     * DEVNET: what the real node would accept and then never include, rejected up front with a reason,
     * so that a client bug shows at once instead of as a transaction that never confirms.
     */
    private static String checkExecutable(Transaction tx) {
        if (!EXECUTED.contains(tx.txType())) return "unsupported_tx_type: " + tx.rawTxType() + " is not executed by the devnet";
        if (tx.amount().signum() < 0) return "negative_amount";
        if (tx.txType() == TxType.TRANSFER) {
            if (isEmpty(tx.toAddress())) return "missing_to_address";
            if (!isAccountAddress(tx.toAddress())) return "invalid_to_address: " + tx.toAddress();
            return null;
        }
        ComputeResult result;
        try {
            result = ComputeResult.fromPayload(tx.payload());
        } catch (ChainFormatException e) {
            return "invalid_compute_result: " + e.getMessage();
        }
        if (!result.workerAddress().equals(tx.fromAddress())) {
            return "worker_address_mismatch: payload worker_address " + result.workerAddress()
                    + " is not the sender " + tx.fromAddress();
        }
        return null;
    }

    /** A {@code cpc1…} account address, or the treasury pseudo-address that holds the fee share. */
    static boolean isAccountAddress(String address) {
        // lower case only: the ledger keys on the exact text, and "CPC1…" would be a second account
        return DevnetParams.TREASURY_ADDRESS.equals(address)
                || (Addresses.isValid(address, Addresses.HRP_ACCOUNT) && address.equals(address.toLowerCase(Locale.ROOT)));
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
