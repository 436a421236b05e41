package com.computemarket.reporting.application;

import com.computemarket.billing.application.BlockSource;
import com.computemarket.billing.application.ChainTransfer;
import com.computemarket.billing.application.ScannedBlock;
import com.computemarket.billing.application.DepositRecord;
import com.computemarket.billing.application.DepositRecords;
import com.computemarket.settlement.application.PayoutRecord;
import com.computemarket.settlement.application.PayoutRecords;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger against the chain: every deposit the ledger credited and every payout it sent is looked up in the block
 * the ledger says holds it, and its recipient and amount compared. A row that does not match is a difference for
 * finance to look at; sums of both sides close the report. Reads blocks, never a database lock held meanwhile.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Reconciliation {

    public static final int MAX_ROWS = 2_000;

    @Inject DepositRecords deposits;
    @Inject PayoutRecords payouts;
    @Inject ChainReadings chain;
    @Inject Clock clock;

    public enum Outcome {
        /** In the block the ledger names, to the same address, for the same amount. */
        MATCHED,
        /** Not (yet) in a block according to the ledger: a payout still on its way. */
        PENDING,
        /** The ledger names a block that does not hold this transaction. */
        MISSING_ON_CHAIN,
        /** Found, but to another address or for another amount. */
        DIFFERS,
        /** The node did not answer for this block. */
        UNKNOWN
    }

    /** One ledger movement and what the chain says of it. */
    public record Row(String kind, String reference, String txHash, Long blockHeight, String address, Amount ledgerAmount,
                      Amount chainAmount, Outcome outcome, String note) {
        public boolean difference() {
            return outcome == Outcome.MISSING_ON_CHAIN || outcome == Outcome.DIFFERS || outcome == Outcome.UNKNOWN;
        }
    }

    public record Report(Instant checkedAt, Long chainHeight, String nodeUrl, List<Row> rows, Amount ledgerTotal,
                         Amount chainTotal, long differences) {
        public boolean ok() {
            return differences == 0 && ledgerTotal.equals(chainTotal);
        }
    }

    public Report reconcile(Caller caller) {
        if (!caller.readsEverything()) {
            throw DomainException.forbidden("finance-or-admin", "only finance and admins reconcile the ledger");
        }
        BlockSource blocks = chain.blocks();
        Long height;
        try {
            height = blocks.tipHeight();
        } catch (RuntimeException e) {
            height = null;
        }
        Map<Long, Optional<ScannedBlock>> cache = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (DepositRecord d : deposits.inBlockOrder(MAX_ROWS)) {
            rows.add(compare("deposit", d.organization(), d.txHash(), d.blockHeight(), d.address(), d.amount(),
                    blocks, cache, height));
        }
        for (PayoutRecord p : payouts.towardsTheChain(MAX_ROWS)) {
            if (!p.confirmed()) {
                rows.add(new Row("payout", "worker " + p.workerId(), p.txHash(), null, p.address(),
                        p.amount(), null, Outcome.PENDING, p.status().toLowerCase() + ", not in a block yet"));
                continue;
            }
            rows.add(compare("payout", "worker " + p.workerId(), p.txHash(), p.blockHeight(),
                    p.address(), p.amount(), blocks, cache, height));
        }
        Amount ledger = Amount.ZERO;
        Amount onChain = Amount.ZERO;
        long differences = 0;
        for (Row row : rows) {
            if (row.outcome() == Outcome.PENDING) {
                continue;
            }
            ledger = ledger.plus(row.ledgerAmount());
            onChain = row.chainAmount() == null ? onChain : onChain.plus(row.chainAmount());
            differences += row.difference() ? 1 : 0;
        }
        return new Report(clock.instant(), height, chain.nodeUrl(), rows, ledger, onChain, differences);
    }

    private static Row compare(String kind, String reference, String txHash, Long height, String address, Amount amount,
                               BlockSource blocks, Map<Long, Optional<ScannedBlock>> cache, Long tip) {
        if (txHash == null || height == null) {
            return new Row(kind, reference, txHash, height, address, amount, null, Outcome.MISSING_ON_CHAIN,
                    "the ledger names no transaction or block");
        }
        Optional<ScannedBlock> block;
        try {
            block = cache.computeIfAbsent(height, blocks::block);
        } catch (RuntimeException e) {
            return new Row(kind, reference, txHash, height, address, amount, null, Outcome.UNKNOWN,
                    "the node did not answer for block " + height + ": " + e.getMessage());
        }
        if (block.isEmpty()) {
            return new Row(kind, reference, txHash, height, address, amount, null, Outcome.MISSING_ON_CHAIN,
                    "the chain has no block " + height + (tip == null ? "" : " (tip " + tip + ")"));
        }
        Optional<ChainTransfer> transfer = block.get().transfers().stream().filter(t -> t.txHash().equals(txHash)).findFirst();
        if (transfer.isEmpty()) {
            return new Row(kind, reference, txHash, height, address, amount, null, Outcome.MISSING_ON_CHAIN,
                    "block " + height + " does not hold this transaction");
        }
        ChainTransfer t = transfer.get();
        Amount onChain = Amount.ofWei(t.amount());
        if (!onChain.equals(amount)) {
            return new Row(kind, reference, txHash, height, address, amount, onChain, Outcome.DIFFERS,
                    "the chain moved " + onChain.toCpcFull() + " CPC, the ledger " + amount.toCpcFull());
        }
        if (!address.equals(t.toAddress())) {
            return new Row(kind, reference, txHash, height, address, amount, onChain, Outcome.DIFFERS,
                    "the chain paid " + t.toAddress() + ", the ledger " + address);
        }
        return new Row(kind, reference, txHash, height, address, amount, onChain, Outcome.MATCHED, "");
    }
}
