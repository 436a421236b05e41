package com.computemarket.workers.application;

import com.computemarket.shared.AfterCommit;
import com.computemarket.shared.WorkerId;
import com.computemarket.workers.domain.Worker;
import com.computemarket.workers.domain.WorkerRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * What verification tells about a worker's results: a success +5 (at most 1000), a failure −50 (at least 0), and
 * cm.workers.suspend-after-failures failures in a row suspend it.
 */
@Stateless
public class Reputation {

    private static final Logger LOG = Logger.getLogger(Reputation.class.getName());

    @Inject WorkerRepository workers;
    @Inject WorkerSettings settings;
    @Inject Clock clock;
    @Inject WorkerConnections connections;
    @Inject AfterCommit afterCommit;

    public void recordSuccess(WorkerId workerId) {
        Worker worker = workers.lock(workerId.value()).orElseThrow(() -> WorkerDirectory.notFound(workerId.value()));
        worker.recordSuccess();
        LOG.fine(() -> "Worker " + workerId + " succeeded; reputation " + worker.reputation());
    }

    public void recordFailure(WorkerId workerId, String reason) {
        Worker worker = workers.lock(workerId.value()).orElseThrow(() -> WorkerDirectory.notFound(workerId.value()));
        boolean suspended = worker.recordFailure(reason, settings.suspendAfterFailures(), clock.instant());
        if (suspended) {
            LOG.warning(() -> "Worker " + workerId + " suspended: " + worker.suspensionReason());
            // a suspended worker takes no more work: its connection closes, its leases run out and go to others
            afterCommit.run(() -> connections.disconnect(workerId, "suspended: " + worker.suspensionReason()));
        } else {
            LOG.info(() -> "Worker " + workerId + " failed (" + reason + "); reputation " + worker.reputation());
        }
    }
}
