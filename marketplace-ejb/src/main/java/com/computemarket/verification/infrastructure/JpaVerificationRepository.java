package com.computemarket.verification.infrastructure;

import com.computemarket.shared.DomainException;
import com.computemarket.shared.RowLocks;
import com.computemarket.verification.domain.Verification;
import com.computemarket.verification.domain.VerificationRepository;
import com.computemarket.verification.domain.VerificationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaVerificationRepository implements VerificationRepository {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    /** The market's JobStatus.SUBMITTED as a JPQL enum literal (JPQL names enum values by their class's full name). */
    private static final String SUBMITTED_JOB = "com.computemarket.market.domain.JobStatus.SUBMITTED";

    @Override
    public void add(Verification verification) {
        em.persist(verification);
    }

    @Override
    public Optional<Verification> ofJob(UUID jobId) {
        return em.createQuery("select v from Verification v where v.jobId = :job order by v.attempt desc", Verification.class)
                .setParameter("job", jobId).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public Optional<Verification> ofJob(UUID jobId, int attempt) {
        return em.createQuery("select v from Verification v where v.jobId = :job and v.attempt = :attempt", Verification.class)
                .setParameter("job", jobId).setParameter("attempt", attempt).getResultStream().findFirst();
    }

    @Override
    public Optional<Verification> lockOfJob(UUID jobId) {
        return ofJob(jobId).flatMap(v -> RowLocks.lockFresh(em, Verification.class, v.id()));
    }

    @Override
    public Verification lock(UUID id) {
        return RowLocks.lockFresh(em, Verification.class, id)
                .orElseThrow(() -> DomainException.notFound("verification-not-found", "no verification " + id));
    }

    @Override
    public List<Verification> inStatus(VerificationStatus status, int limit) {
        return em.createQuery("select v from Verification v where v.status = :status order by v.updatedAt", Verification.class)
                .setParameter("status", status).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Verification> ofWorker(UUID workerId, Collection<VerificationStatus> statuses) {
        return em.createQuery("select v from Verification v where v.workerId = :worker and v.status in :statuses"
                        + " order by v.updatedAt", Verification.class)
                .setParameter("worker", workerId).setParameter("statuses", statuses).getResultList();
    }

    @Override
    public List<Verification> ofTask(UUID taskId) {
        return em.createQuery("select v from Verification v where v.taskId = :task order by v.createdAt", Verification.class)
                .setParameter("task", taskId).getResultList();
    }

    @Override
    public List<UUID> unverifiedResults(Collection<String> challengeTypes, Instant before, int limit) {
        // reads the market's Job table (same persistence unit), by entity name and enum literal, without its classes:
        // the one place verification looks at another context's data; a lost ResultSubmitted message is found here
        return em.createQuery("select j.id from Job j where j.status = " + SUBMITTED_JOB + " and j.challengeType in :types"
                        + " and j.submittedAt < :before and not exists (select v.id from Verification v"
                        + " where v.jobId = j.id and v.attempt = j.attempts) order by j.submittedAt", UUID.class)
                .setParameter("types", challengeTypes)
                .setParameter("before", before).setMaxResults(limit).getResultList();
    }

    @Override
    public List<UUID> workersWith(Collection<VerificationStatus> statuses) {
        return em.createQuery("select distinct v.workerId from Verification v where v.status in :statuses", UUID.class)
                .setParameter("statuses", statuses).getResultList();
    }
}
