package com.computemarket.workers.application;

import com.computemarket.shared.AfterCommit;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.WorkerId;
import com.computemarket.workers.domain.Worker;
import com.computemarket.workers.domain.WorkerRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;
import java.util.logging.Logger;

/** Admins stop a worker taking work, with a reason, and let it work again. */
@Stateless
public class WorkerSuspension {

    private static final Logger LOG = Logger.getLogger(WorkerSuspension.class.getName());

    @Inject WorkerRepository workers;
    @Inject Clock clock;
    @Inject WorkerConnections connections;
    @Inject AfterCommit afterCommit;

    public WorkerDetails suspend(Caller admin, UUID workerId, String reason) {
        Worker worker = lockAsAdmin(admin, workerId);
        worker.suspend(reason, clock.instant());
        LOG.info(() -> "Worker " + workerId + " suspended by " + admin.username() + ": " + worker.suspensionReason());
        afterCommit.run(() -> connections.disconnect(WorkerId.of(workerId), "suspended: " + worker.suspensionReason()));
        return WorkerDetails.of(worker);
    }

    /** Resumes a suspended worker; an active one stays as it is (so a retried DELETE is harmless). */
    public WorkerDetails resume(Caller admin, UUID workerId) {
        Worker worker = lockAsAdmin(admin, workerId);
        if (worker.resume()) {
            LOG.info(() -> "Worker " + workerId + " resumed by " + admin.username());
        }
        return WorkerDetails.of(worker);
    }

    private Worker lockAsAdmin(Caller caller, UUID workerId) {
        if (!caller.has(Caller.ADMIN)) {
            throw DomainException.forbidden("admin-only", "only an admin suspends or resumes workers");
        }
        return workers.lock(workerId).orElseThrow(() -> WorkerDirectory.notFound(workerId));
    }
}
