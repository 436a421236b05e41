package com.computemarket.workers.application;

import com.computemarket.shared.DomainException;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PLACEHOLDER for the payouts branch, with the contract's signatures; an in-memory directory that tests fill with
 * {@link #registerPlaceholder}. The workers helper's version wins at merge.
 */
@Stateless
public class WorkerDirectory {

    private static final Map<UUID, WorkerProfile> WORKERS = new ConcurrentHashMap<>();

    /** PLACEHOLDER only: how the payout ITs enrol a worker until the workers context exists. */
    public static void registerPlaceholder(WorkerProfile profile) {
        WORKERS.put(profile.id(), profile);
    }

    public WorkerProfile require(UUID id) {
        WorkerProfile p = WORKERS.get(id);
        if (p == null) {
            throw DomainException.notFound("worker-not-found", "no worker " + id);
        }
        return p;
    }

    public WorkerProfile requireConnectable(String operatorSubject, String address) {
        return WORKERS.values().stream().filter(w -> w.address().equals(address)).findFirst()
                .orElseThrow(() -> DomainException.notFound("worker-not-found", "no worker with address " + address));
    }

    public List<WorkerProfile> ofOperator(String operatorSubject) {
        return WORKERS.values().stream().filter(w -> w.operator().equals(operatorSubject)).toList();
    }
}
