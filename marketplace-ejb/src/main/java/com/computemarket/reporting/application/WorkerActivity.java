package com.computemarket.reporting.application;

import com.computemarket.billing.application.AccountRef;
import com.computemarket.billing.application.AccountType;
import com.computemarket.billing.application.Ledger;
import com.computemarket.market.application.WorkerChannels;
import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobStatus;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Caller;
import com.computemarket.workers.application.WorkerDetails;
import com.computemarket.workers.application.WorkerDirectory;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;
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

    /** The caller's workers as {@link WorkerDirectory#list} lets it see them, with their activity of the last {@code days}. */
    public List<Overview> overview(Caller caller, int days) {
        int span = Math.max(1, Math.min(days, MAX_DAYS));
        List<Overview> out = new ArrayList<>();
        for (WorkerDetails worker : directory.list(caller, WorkerDirectory.MAX_PAGE, 0).workers()) {
            out.add(of(worker, span));
        }
        return out;
    }

    /** One worker: its operator, finance or an admin; anyone else gets 404 from the directory. */
    public Overview one(Caller caller, UUID workerId, int days) {
        return of(directory.show(caller, workerId), Math.max(1, Math.min(days, MAX_DAYS)));
    }

    private Overview of(WorkerDetails worker, int span) {
        UUID id = worker.id();
        List<LeasedJob> leased = em.createQuery("select j from Job j where j.workerId = :worker and j.status = :leased "
                        + "order by j.leasedAt", Job.class)
                .setParameter("worker", id).setParameter("leased", JobStatus.LEASED).getResultList().stream()
                .map(j -> new LeasedJob(j.id(), j.taskId(), j.challengeType(), j.leasedAt(), j.leaseExpiresAt())).toList();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(span - 1L);
        Instant from = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<LocalDate, long[]> jobs = new LinkedHashMap<>();
        Map<LocalDate, BigInteger> earned = new LinkedHashMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            jobs.put(d, new long[1]);
            earned.put(d, BigInteger.ZERO);
        }
        for (Instant finished : em.createQuery("select j.finishedAt from Job j where j.workerId = :worker and j.status = :settled "
                        + "and j.finishedAt >= :from", Instant.class)
                .setParameter("worker", id).setParameter("settled", JobStatus.SETTLED).setParameter("from", from)
                .getResultList()) {
            long[] count = jobs.get(LocalDate.ofInstant(finished, ZoneOffset.UTC));
            if (count != null) {
                count[0]++;
            }
        }
        BigInteger total = BigInteger.ZERO;
        for (Object[] row : em.createQuery("select e.postedAt, p.amount from JournalEntry e join e.postings p "
                        + "where p.accountType = :type and p.accountOwner = :owner and e.kind = 'job-settled'", Object[].class)
                .setParameter("type", AccountType.WORKER_PAYABLE).setParameter("owner", id.toString()).getResultList()) {
            BigInteger amount = (BigInteger) row[1];
            total = total.add(amount);
            earned.computeIfPresent(LocalDate.ofInstant((Instant) row[0], ZoneOffset.UTC), (d, sum) -> sum.add(amount));
        }
        List<Day> series = jobs.entrySet().stream()
                .map(e -> new Day(e.getKey(), e.getValue()[0], Amount.ofWei(earned.get(e.getKey())))).toList();
        return new Overview(worker, channels.connected(id), leased, ledger.balance(AccountRef.payable(id)),
                Amount.ofWei(total), series);
    }
}
