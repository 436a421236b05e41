package com.computemarket.settlement.application;

import com.computemarket.settlement.domain.Payout;
import com.computemarket.settlement.domain.PayoutBatch;
import com.computemarket.settlement.domain.PayoutRepository;
import com.computemarket.shared.Amount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Batches worker payables at or above {@code cm.payouts.threshold} into payouts: for each, the ledger entry payable →
 * in flight, the PENDING payout and its delivery message commit together in this (XA) transaction. Nothing here
 * talks to the L1. A worker whose last payout is still open gets none.
 */
@Stateless
public class PayoutRun {

    private static final Logger LOG = Logger.getLogger(PayoutRun.class.getName());

    /** What a run did: its record and the payouts it created. */
    public record Result(PayoutBatch batch, List<Payout> payouts) {
    }

    @Inject PayoutRepository payouts;
    @Inject PayoutAccounts accounts;
    @Inject PayoutRecipients recipients;
    @Inject PayoutQueue queue;
    @Inject Clock clock;
    @Inject @ConfigProperty(name = "cm.payouts.threshold", defaultValue = "1.0")
    String threshold;

    public Result run(String startedBy) {
        Amount minimum = Amount.parseCpc("cm.payouts.threshold", threshold);
        PayoutBatch batch = new PayoutBatch(UUID.randomUUID(), startedBy, minimum, clock.instant());
        Set<UUID> open = payouts.workersWithOpenPayouts();
        List<Payout> created = new ArrayList<>();
        for (Map.Entry<UUID, Amount> payable : new TreeMap<>(accounts.workerPayables()).entrySet()) {
            UUID worker = payable.getKey();
            if (payable.getValue().compareTo(minimum) < 0 || !payable.getValue().isPositive() || open.contains(worker)) {
                continue;
            }
            var address = recipients.addressOf(worker);
            if (address.isEmpty()) {
                // money owed to an id no worker has: an operator must look; the run pays everyone else
                LOG.warning(() -> "payable of unknown worker " + worker + " (" + payable.getValue() + ") skipped");
                continue;
            }
            Payout payout = new Payout(UUID.randomUUID(), batch.id(), worker, address.get(), payable.getValue(), clock.instant());
            payouts.add(payout);
            accounts.started(payout);
            queue.deliver(payout.id());
            batch.add(payout);
            created.add(payout);
        }
        payouts.add(batch);
        LOG.info(() -> "payout run " + batch.id() + " by " + startedBy + ": " + batch.count() + " payouts, "
                + batch.total() + " (threshold " + minimum + ")");
        return new Result(batch, created);
    }
}
