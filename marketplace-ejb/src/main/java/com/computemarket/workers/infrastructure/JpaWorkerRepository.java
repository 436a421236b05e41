package com.computemarket.workers.infrastructure;

import com.computemarket.workers.application.WorkerEnrolment;
import com.computemarket.workers.domain.Worker;
import com.computemarket.workers.domain.WorkerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaWorkerRepository implements WorkerRepository {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    /** Flushes at once so that a concurrent enrolment of the same address meets the unique constraint here, as a 409. */
    @Override
    public void add(Worker worker) {
        try {
            em.persist(worker);
            em.flush();
        } catch (PersistenceException e) {
            if (violates(e, "worker_address")) {
                throw WorkerEnrolment.addressTaken(worker.address());
            }
            throw e;
        }
    }

    @Override
    public Optional<Worker> find(UUID id) {
        return Optional.ofNullable(em.find(Worker.class, id));
    }

    @Override
    public Optional<Worker> lock(UUID id) {
        return Optional.ofNullable(em.find(Worker.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Worker> findByAddress(String address) {
        return em.createQuery("select w from Worker w where w.address = :address", Worker.class)
                .setParameter("address", address).getResultStream().findFirst();
    }

    @Override
    public List<Worker> ofOperator(String operatorSubject) {
        return em.createQuery("select w from Worker w where w.operatorSubject = :operator order by w.enrolledAt, w.id", Worker.class)
                .setParameter("operator", operatorSubject).getResultList();
    }

    @Override
    public List<Worker> page(Optional<String> operatorSubject, int limit, int offset) {
        TypedQuery<Worker> query = operatorSubject.isPresent()
                ? em.createQuery("select w from Worker w where w.operatorSubject = :operator order by w.enrolledAt, w.id", Worker.class)
                        .setParameter("operator", operatorSubject.get())
                : em.createQuery("select w from Worker w order by w.enrolledAt, w.id", Worker.class);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(Optional<String> operatorSubject) {
        TypedQuery<Long> query = operatorSubject.isPresent()
                ? em.createQuery("select count(w) from Worker w where w.operatorSubject = :operator", Long.class)
                        .setParameter("operator", operatorSubject.get())
                : em.createQuery("select count(w) from Worker w", Long.class);
        return query.getSingleResult();
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
