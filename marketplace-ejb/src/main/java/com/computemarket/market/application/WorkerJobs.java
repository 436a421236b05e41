package com.computemarket.market.application;

import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Jobs as worker operators' reports see them: read-only, a query for all the given workers together. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class WorkerJobs {

    /** A job leased to a worker now. */
    public record LeasedJob(UUID jobId, UUID taskId, UUID workerId, String challengeType, Instant leasedAt,
                            Instant leaseExpiresAt) {
    }

    /** A job a worker got paid for, and when. */
    public record SettledJob(UUID workerId, Instant settledAt) {
    }

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    /** The jobs leased to these workers, by lease time. */
    public List<LeasedJob> leasedTo(Collection<UUID> workers) {
        return em.createQuery("select j from Job j where j.workerId in :workers and j.status = :leased order by j.leasedAt", Job.class)
                .setParameter("workers", workers).setParameter("leased", JobStatus.LEASED).getResultList().stream()
                .map(j -> new LeasedJob(j.id(), j.taskId(), j.workerId(), j.challengeType(), j.leasedAt(), j.leaseExpiresAt()))
                .toList();
    }

    /** The jobs of these workers settled since {@code from}. */
    public List<SettledJob> settledSince(Collection<UUID> workers, Instant from) {
        return em.createQuery("select j.workerId, j.finishedAt from Job j where j.workerId in :workers "
                        + "and j.status = :settled and j.finishedAt >= :from", Object[].class)
                .setParameter("workers", workers).setParameter("settled", JobStatus.SETTLED).setParameter("from", from)
                .getResultList().stream().map(row -> new SettledJob((UUID) row[0], (Instant) row[1])).toList();
    }
}
