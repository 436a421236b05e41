package com.computemarket.market.infrastructure;

import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobRepository;
import com.computemarket.market.domain.JobStatus;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.RowLocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaJobRepository implements JobRepository {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    @Override
    public void add(Job job) {
        em.persist(job);
    }

    @Override
    public Optional<Job> find(UUID id) {
        return Optional.ofNullable(em.find(Job.class, id));
    }

    @Override
    public Job require(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public Job lock(UUID id) {
        return RowLocks.lockFresh(em, Job.class, id).orElseThrow(() -> notFound(id));
    }

    @Override
    public List<Job> ofTask(UUID taskId) {
        return em.createQuery("select j from Job j where j.taskId = :task order by j.jobIndex", Job.class)
                .setParameter("task", taskId).getResultList();
    }

    @Override
    public List<Job> leasedTo(UUID workerId) {
        return em.createQuery("select j from Job j where j.workerId = :worker and j.status = :leased order by j.leasedAt", Job.class)
                .setParameter("worker", workerId).setParameter("leased", JobStatus.LEASED).getResultList();
    }

    @Override
    public List<Job> expiredLeases(Instant now, int limit) {
        return em.createQuery("select j from Job j where j.status = :leased and j.leaseExpiresAt <= :now order by j.leaseExpiresAt", Job.class)
                .setParameter("leased", JobStatus.LEASED).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Job> silentlyQueued(Instant before, int limit) {
        return em.createQuery("select j from Job j where j.status = :queued and (j.announcedAt is null or j.announcedAt < :before)"
                        + " order by j.announcedAt", Job.class)
                .setParameter("queued", JobStatus.QUEUED).setParameter("before", before).setMaxResults(limit).getResultList();
    }

    private static DomainException notFound(UUID id) {
        return DomainException.notFound("job-not-found", "no job " + id);
    }
}
