package com.computemarket.billing.application;

import com.computemarket.billing.domain.EscrowHold;
import com.computemarket.billing.domain.EscrowHoldRepository;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.JobId;
import com.computemarket.shared.Posting;
import com.computemarket.shared.TaskId;
import com.computemarket.shared.WorkerId;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Task money: held from the organization's available balance when the task is created, paid out job by job to
 * workers (less the platform fee), the rest released when the task ends. Each step is one ledger entry with a
 * key named for the task or job, so every call is safe to repeat.
 */
@Stateless
public class Escrow {

    private static final Logger LOG = Logger.getLogger(Escrow.class.getName());

    @Inject Ledger ledger;
    @Inject EscrowHoldRepository holds;
    @Inject Clock clock;
    /** The platform's share of each job's reward, in basis points (1000 = 10 %). */
    @Inject @ConfigProperty(name = "cm.market.fee-bps", defaultValue = "1000")
    int feeBps;

    public Escrow() {
    }

    Escrow(Ledger ledger, EscrowHoldRepository holds, Clock clock, int feeBps) {
        this.ledger = ledger;
        this.holds = holds;
        this.clock = clock;
        this.feeBps = feeBps;
    }

    /** Moves {@code amount} from the organization's available balance to its escrow; 422 insufficient-funds when short. */
    public void hold(TaskId taskId, String organization, Amount amount) {
        var existing = holds.lock(taskId.value());
        if (existing.isPresent()) {
            EscrowHold hold = existing.get();
            if (hold.organization().equals(organization) && hold.held().equals(amount)) {
                return;
            }
            throw DomainException.conflict("escrow-hold-exists", "task " + taskId + " already holds "
                    + hold.held().toCpc() + " CPC of organization " + hold.organization());
        }
        EscrowHold hold = new EscrowHold(taskId.value(), organization, amount, clock.instant());
        ledger.post(new EntryDraft("escrow-hold:" + taskId, "escrow-hold", "task " + taskId, List.of(
                new Posting(AccountRef.available(organization), amount.negate()),
                new Posting(AccountRef.escrow(organization), amount))));
        holds.add(hold);
        LOG.info(() -> "task " + taskId + " holds " + amount.toCpc() + " CPC of organization " + organization);
    }

    /**
     * Pays a verified job: its reward leaves the task's escrow, the worker's payable gets the reward less the fee,
     * the platform the fee. Once per job: a second call for the same job changes nothing.
     */
    public void settleJob(TaskId taskId, JobId jobId, WorkerId workerId, Amount reward) {
        EscrowHold hold = holds.lock(taskId.value()).orElseThrow(() -> noHold(taskId.value()));
        String key = "escrow-settle:" + jobId;
        if (ledger.entry(key).isPresent()) {
            return;
        }
        hold.settle(jobId.value(), reward);
        Amount fee = reward.basisPoints(feeBps());
        List<Posting> postings = new ArrayList<>();
        postings.add(new Posting(AccountRef.escrow(hold.organization()), reward.negate()));
        postings.add(new Posting(AccountRef.payable(workerId.value()), reward.minus(fee)));
        if (fee.isPositive()) {
            postings.add(new Posting(AccountRef.platform(AccountType.PLATFORM_FEES), fee));
        }
        ledger.post(new EntryDraft(key, "job-settled", "task " + taskId + " job " + jobId, postings));
        LOG.info(() -> "job " + jobId + " of task " + taskId + " paid " + reward.minus(fee).toCpc() + " CPC to worker "
                + workerId + ", fee " + fee.toCpc() + " CPC");
    }

    /** Closes the hold and gives what remains back to the organization; answers that amount (zero when already closed). */
    public Amount release(TaskId taskId, String reason) {
        EscrowHold hold = holds.lock(taskId.value()).orElseThrow(() -> noHold(taskId.value()));
        if (!hold.isOpen()) {
            return Amount.ZERO;
        }
        Amount rest = hold.close(reason, clock.instant());
        if (rest.isPositive()) {
            ledger.post(new EntryDraft("escrow-release:" + taskId, "escrow-release", "task " + taskId + ": " + reason,
                    List.of(new Posting(AccountRef.escrow(hold.organization()), rest.negate()),
                            new Posting(AccountRef.available(hold.organization()), rest))));
        }
        LOG.info(() -> "escrow of task " + taskId + " released (" + reason + "): " + rest.toCpc() + " CPC back to "
                + hold.organization());
        return rest;
    }

    /** What the platform keeps of a job's reward (the worker gets the rest); for price previews. */
    public Amount feeOf(Amount jobReward) {
        return jobReward.basisPoints(feeBps());
    }

    private int feeBps() {
        if (feeBps < 0 || feeBps > 10_000) {
            throw new IllegalStateException("cm.market.fee-bps must be between 0 and 10000, not " + feeBps);
        }
        return feeBps;
    }

    private static DomainException noHold(UUID taskId) {
        return DomainException.notFound("escrow-hold-not-found", "task " + taskId + " holds nothing in escrow");
    }
}
