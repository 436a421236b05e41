package com.computemarket.devnet;

import com.computemarket.chain.protocol.FeeSplit;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.protocol.TxType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a block's transactions and rewards to a copy of the account state, as the real node executes:
 * the nonce must equal the account nonce, the charge is {@code amount + base_gas * gas_price} (a declared fee
 * above that is not charged), a TRANSFER credits {@code to_address}, a SUBMIT_RESULT's amount goes to nobody.
 * Then the proposer gets 7 CPC + 90 % of the fees, the treasury 10 % (the node's double-based split), and the
 * 3 CPC miner pool is not minted.
 */
final class BlockExecution {

    /** The state after the block, what went in, and what failed with the reason. */
    record Outcome(Accounts state, List<Mempool.Pending> included, Map<String, String> failed, long gasUsed) {
    }

    private BlockExecution() {
    }

    /**
     * Builds a block from candidates in order: a transaction that cannot execute is left out (and reported in
     * {@code failed}); one that would pass the block gas limit ends the block and stays for the next one.
     */
    static Outcome run(Accounts base, List<Mempool.Pending> candidates, String rewardAddress) {
        Accounts state = base.copy();
        List<Mempool.Pending> included = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        long gasUsed = 0;
        BigInteger fees = BigInteger.ZERO;
        for (Mempool.Pending p : candidates) {
            Transaction tx = p.tx();
            long gas = tx.txType().baseGas();
            if (gasUsed + gas > DevnetParams.BLOCK_GAS_LIMIT) break;
            String error = apply(state, tx);
            if (error != null) {
                failed.put(p.hash(), error);
                continue;
            }
            included.add(p);
            gasUsed += gas;
            fees = fees.add(BigInteger.valueOf(gas).multiply(tx.gasPrice()));
        }
        reward(state, fees, rewardAddress);
        return new Outcome(state, included, failed, gasUsed);
    }

    /** Replays a stored block; every transaction must still execute, or the log does not belong to these rules. */
    static Accounts replay(Accounts base, List<Transaction> txs, String rewardAddress) {
        List<Mempool.Pending> pending = new ArrayList<>(txs.size());
        for (Transaction tx : txs) {
            if (!TxAdmission.EXECUTED.contains(tx.txType())) {
                throw new IllegalStateException("stored tx " + tx.hash() + " has a type the devnet does not execute");
            }
            pending.add(new Mempool.Pending(tx.hash(), tx));
        }
        Outcome outcome = run(base, pending, rewardAddress);
        if (!outcome.failed().isEmpty() || outcome.included().size() != txs.size()) {
            throw new IllegalStateException("stored block does not execute again: " + outcome.failed());
        }
        return outcome.state();
    }

    /** Applies one transaction, or returns why it cannot be (the state is then unchanged). */
    private static String apply(Accounts state, Transaction tx) {
        Accounts.Account sender = state.get(tx.fromAddress());
        if (!tx.nonce().equals(sender.nonce())) {
            return "Invalid nonce: expected " + sender.nonce() + ", got " + tx.nonce();
        }
        BigInteger cost = tx.amount().add(BigInteger.valueOf(tx.txType().baseGas()).multiply(tx.gasPrice()));
        if (sender.balance().compareTo(cost) < 0) {
            return "Insufficient balance: have " + sender.balance() + ", need " + cost;
        }
        state.chargeAndBumpNonce(tx.fromAddress(), cost);
        if (tx.txType() == TxType.TRANSFER) state.credit(tx.toAddress(), tx.amount());
        return null;
    }

    private static void reward(Accounts state, BigInteger fees, String rewardAddress) {
        FeeSplit split = FeeSplit.of(fees);
        state.credit(rewardAddress, DevnetParams.PROPOSER_REWARD.add(split.validatorShare()));
        state.credit(DevnetParams.TREASURY_ADDRESS, split.treasury());
    }
}
