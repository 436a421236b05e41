package com.computemarket.it;

import com.computemarket.billing.application.EntryDraft;
import com.computemarket.billing.application.Ledger;
import com.computemarket.chain.protocol.Block;
import com.computemarket.chain.protocol.Transaction;
import com.computemarket.chain.rpc.ChainClient;
import com.computemarket.settlement.application.PayoutRun;
import com.computemarket.settlement.application.PayoutSteps;
import com.computemarket.settlement.domain.Payout;
import com.computemarket.settlement.domain.PayoutStatus;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Posting;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** In-container helpers of the payout ITs: a worker with a payable, waiting for a payout, reading the chain. */
public final class PayoutFixture {

    private PayoutFixture() {
    }

    static AccountRef payable(UUID worker) {
        return new AccountRef(AccountType.WORKER_PAYABLE, worker.toString());
    }

    static AccountRef platform(AccountType type) {
        return new AccountRef(type, "platform");
    }

    /** Enrols a worker with {@code address} and credits its payable (as a settled job would) through the ledger. */
    public static UUID workerWithPayable(TestWorkers workers, Ledger ledger, String address, Amount amount) {
        UUID worker = workers.enrol(address);
        ledger.post(new EntryDraft("it-earned:" + worker, "it-earned", worker.toString(), List.of(
                new Posting(platform(AccountType.PLATFORM_FEES), amount.negate()),
                new Posting(payable(worker), amount))));
        return worker;
    }

    public static Payout awaitStatus(PayoutSteps steps, UUID payoutId, PayoutStatus wanted, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Payout payout = steps.load(payoutId);
        while (payout.status() != wanted && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            payout = steps.load(payoutId);
        }
        return payout;
    }

    /**
     * Pays every payable at or above the threshold that other tests left (the server is shared) and waits until those
     * payouts are confirmed, so that a test's platform balances move by its own payout only.
     */
    public static void drain(PayoutRun run, PayoutSteps steps) throws InterruptedException {
        settle(run.run("it-drain"), steps);
    }

    /** Waits until every payout of {@code result} is confirmed. */
    public static void settle(PayoutRun.Result result, PayoutSteps steps) throws InterruptedException {
        for (Payout p : result.payouts()) {
            if (awaitStatus(steps, p.id(), PayoutStatus.CONFIRMED, Duration.ofSeconds(60)).status() != PayoutStatus.CONFIRMED) {
                throw new AssertionError("payout " + p.id() + " of another test's payable was not confirmed");
            }
        }
    }

    /** Every TRANSFER to {@code address} in every block of the chain. */
    static long transfersTo(String nodeUrl, String address) {
        ChainClient client = new ChainClient(URI.create(nodeUrl));
        long head = client.status().height();
        long count = 0;
        for (long h = 0; h <= head; h++) {
            Block block = client.block(h).orElse(null);
            if (block == null) continue;
            for (Transaction tx : block.txs()) {
                if (address.equals(tx.toAddress())) count++;
            }
        }
        return count;
    }
}
