package com.computemarket.market.infrastructure;

import com.computemarket.market.application.JobPush;
import com.computemarket.market.application.WorkerChannels;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The WorkerChannels that EJBs get injected. The real one, the WebSocket hub, lives in the web module, which the EJB
 * module cannot see (class and bean visibility in an EAR go from the WAR to the EJB jar, not back); the hub registers
 * itself here when the web module starts. Until then no worker is connected.
 */
@ApplicationScoped
public class RegisteredWorkerChannels implements WorkerChannels {

    private static final Logger LOG = Logger.getLogger(RegisteredWorkerChannels.class.getName());

    private volatile WorkerChannels hub;

    public void register(WorkerChannels hub) {
        this.hub = hub;
        LOG.info(() -> "worker hub registered: " + hub.getClass().getSimpleName());
    }

    public void unregister(WorkerChannels hub) {
        if (this.hub == hub) {
            this.hub = null;
        }
    }

    @Override
    public Optional<UUID> reserve(String challengeType) {
        WorkerChannels current = hub;
        return current == null ? Optional.empty() : current.reserve(challengeType);
    }

    @Override
    public void cancelReservation(UUID workerId) {
        WorkerChannels current = hub;
        if (current != null) {
            current.cancelReservation(workerId);
        }
    }

    @Override
    public void push(UUID workerId, JobPush job) {
        WorkerChannels current = hub;
        if (current != null) {
            current.push(workerId, job);
        }
    }

    @Override
    public void release(UUID workerId, UUID jobId) {
        WorkerChannels current = hub;
        if (current != null) {
            current.release(workerId, jobId);
        }
    }
}
