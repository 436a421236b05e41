package com.computemarket.reporting.application;

import com.computemarket.billing.application.Earnings;
import com.computemarket.billing.application.Ledger;
import com.computemarket.market.application.WorkerChannels;
import com.computemarket.market.application.WorkerJobs;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.workers.application.WorkerDetails;
import com.computemarket.workers.application.WorkerDirectory;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a worker operator watches: each of its workers (finance and admins: every worker) with online status, leased
 * jobs, payable and earned amounts, and jobs settled and earnings per UTC day.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class WorkerActivity {

    public static final int MAX_DAYS = 366;

    @Inject WorkerJobs jobs;
    @Inject Earnings earnings;
    @Inject WorkerDirectory directory;
    @Inject WorkerChannels channels;
    @Inject Ledger ledger;
    @Inject Clock clock;

    public record LeasedJob(UUID jobId, UUID taskId, String challengeType, Instant leasedAt, Instant leaseExpiresAt) {
    }

    public record Day(LocalDate day, long jobsSettled, Amount earned) {
    }

    public record Overview(WorkerDetails worker, boolean online, List<LeasedJob> leasedJobs, Amount payable,
                           Amount earned, List<Day> days) {
    }

    /**
     * The caller's workers as {@link WorkerDirectory#list} lets it see them, with their activity of the last {@code days}:
     * a handful of queries for all of them together, not a handful per worker.
     */
    public List<Overview> overview(Caller caller, int days) {
        int span = Math.max(1, Math.min(days, MAX_DAYS));
        List<WorkerDetails> workers = directory.list(caller, WorkerDirectory.MAX_PAGE, 0).workers();
        if (workers.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = workers.stream().map(WorkerDetails::id).toList();
        List<String> owners = ids.stream().map(UUID::toString).toList();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(span - 1L);
        Instant from = first.atStartOfDay().toInstant(ZoneOffset.UTC);

        Map<UUID, List<LeasedJob>> leased = new HashMap<>();
        jobs.leasedTo(ids).forEach(j -> leased.computeIfAbsent(j.workerId(), w -> new ArrayList<>())
                .add(new LeasedJob(j.jobId(), j.taskId(), j.challengeType(), j.leasedAt(), j.leaseExpiresAt())));
        Map<UUID, Map<LocalDate, Long>> settledPerDay = new HashMap<>();
        jobs.settledSince(ids, from).forEach(j -> settledPerDay.computeIfAbsent(j.workerId(), w -> new HashMap<>())
                .merge(LocalDate.ofInstant(j.settledAt(), ZoneOffset.UTC), 1L, Long::sum));
        Map<String, Amount> earnedInAll = earnings.inAll(owners);
        Map<String, Map<LocalDate, Amount>> earnedPerDay = earnings.perDay(owners, from);
        Map<String, Amount> payable = ledger.balancesOf(AccountType.WORKER_PAYABLE);

        List<Overview> out = new ArrayList<>();
        for (WorkerDetails worker : workers) {
            UUID id = worker.id();
            Map<LocalDate, Long> settled = settledPerDay.getOrDefault(id, Map.of());
            Map<LocalDate, Amount> earned = earnedPerDay.getOrDefault(id.toString(), Map.of());
            List<Day> series = new ArrayList<>();
            for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
                series.add(new Day(d, settled.getOrDefault(d, 0L), earned.getOrDefault(d, Amount.ZERO)));
            }
            out.add(new Overview(worker, channels.connected(id), leased.getOrDefault(id, List.of()),
                    payable.getOrDefault(id.toString(), Amount.ZERO),
                    earnedInAll.getOrDefault(id.toString(), Amount.ZERO), series));
        }
        return out;
    }
}
