package com.computemarket.workers.application;

import com.computemarket.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * PLACEHOLDER for the payouts branch, with the contract's signatures; tests enrol workers with
 * {@link #registerPlaceholder}. The workers helper's version wins at merge.
 */
@Stateless
public class WorkerDirectory {

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    /** PLACEHOLDER only: how the payout ITs enrol a worker until the workers context exists. */
    public void registerPlaceholder(WorkerProfile profile) {
        em.merge(new PlaceholderWorker(profile));
    }

    public WorkerProfile require(UUID id) {
        PlaceholderWorker w = em.find(PlaceholderWorker.class, id);
        if (w == null) {
            throw DomainException.notFound("worker-not-found", "no worker " + id);
        }
        return w.profile();
    }

    public WorkerProfile requireConnectable(String operatorSubject, String address) {
        return em.createQuery("select w from PlaceholderWorker w where w.address = :a", PlaceholderWorker.class)
                .setParameter("a", address).getResultStream().findFirst().map(PlaceholderWorker::profile)
                .orElseThrow(() -> DomainException.notFound("worker-not-found", "no worker with address " + address));
    }

    public List<WorkerProfile> ofOperator(String operatorSubject) {
        return em.createQuery("select w from PlaceholderWorker w where w.operator = :o", PlaceholderWorker.class)
                .setParameter("o", operatorSubject).getResultStream().map(PlaceholderWorker::profile).toList();
    }
}
