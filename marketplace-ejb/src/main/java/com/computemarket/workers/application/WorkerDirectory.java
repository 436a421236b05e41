package com.computemarket.workers.application;

import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import com.computemarket.shared.WorkerId;
import com.computemarket.workers.domain.Worker;
import com.computemarket.workers.domain.WorkerRepository;
import com.computemarket.workers.domain.WorkerStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Who the workers are: for other contexts (by id, by connecting operator and address) and for the API's readers. */
@Stateless
public class WorkerDirectory {

    public static final int MAX_PAGE = 500;

    @Inject WorkerRepository workers;

    /** The worker, if it exists (no refusal: callers in a larger transaction decide what a missing worker means). */
    public Optional<WorkerProfile> find(WorkerId id) {
        return workers.find(id.value()).map(WorkerProfile::of);
    }

    /**
     * Results of this worker accepted since its last failure (0 after a rejection): the trust the verifier sizes an
     * adaptive challenge by (docs/protocol/inference.md). 404 for an unknown worker.
     */
    public int consecutiveAccepted(WorkerId id) {
        return workers.find(id.value()).orElseThrow(() -> notFound(id.value())).consecutiveSuccesses();
    }

    public WorkerProfile require(WorkerId id) {
        return WorkerProfile.of(workers.find(id.value()).orElseThrow(() -> notFound(id.value())));
    }

    /**
     * The worker at {@code address} if {@code operatorSubject} may connect it: 404 not enrolled, 403 someone else's,
     * 409 suspended (with the reason).
     */
    public WorkerProfile requireConnectable(String operatorSubject, String address) {
        Worker worker = workers.findByAddress(address).orElseThrow(() -> DomainException.notFound("worker-not-enrolled",
                "no worker is enrolled at address " + address + "; enrol it first (POST /api/workers)"));
        if (!worker.ownedBy(operatorSubject)) {
            throw DomainException.forbidden("worker-not-yours", "the worker at " + address + " is enrolled by another operator");
        }
        if (worker.status() == WorkerStatus.SUSPENDED) {
            throw DomainException.conflict("worker-suspended", "worker " + worker.id() + " is suspended: " + worker.suspensionReason());
        }
        return WorkerProfile.of(worker);
    }

    public List<WorkerProfile> ofOperator(String operatorSubject) {
        return workers.ofOperator(operatorSubject).stream().map(WorkerProfile::of).toList();
    }

    /** Finance and admins see every worker, an operator its own; anyone else is refused. */
    public WorkerPage list(Caller caller, int limit, int offset) {
        if (limit < 1 || limit > MAX_PAGE || offset < 0) {
            throw DomainException.invalid("invalid-page", "limit must be between 1 and " + MAX_PAGE + " and offset at least 0");
        }
        Optional<String> operator;
        if (caller.readsEverything()) {
            operator = Optional.empty();
        } else if (caller.has(Caller.WORKER)) {
            operator = Optional.of(caller.subject());
        } else {
            throw DomainException.forbidden("not-a-worker-operator", "only worker operators, finance and admins list workers");
        }
        List<WorkerDetails> page = workers.page(operator, limit, offset).stream().map(WorkerDetails::of).toList();
        return new WorkerPage(page, workers.count(operator), limit, offset);
    }

    /** One worker for its operator, finance or an admin; to anyone else it does not exist (404). */
    public WorkerDetails show(Caller caller, UUID id) {
        Worker worker = workers.find(id).filter(w -> caller.readsEverything() || w.ownedBy(caller.subject()))
                .orElseThrow(() -> notFound(id));
        return WorkerDetails.of(worker);
    }

    static DomainException notFound(UUID id) {
        return DomainException.notFound("worker-not-found", "no worker " + id);
    }
}
