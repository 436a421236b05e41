package com.computemarket.market.infrastructure;

import com.computemarket.market.application.JobPush;
import com.computemarket.market.application.WorkerChannels;
import com.computemarket.shared.LateBound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** The WorkerChannels that EJBs get injected: the WebSocket hub of the web module, once it registered (LateBound). */
@ApplicationScoped
public class RegisteredWorkerChannels extends LateBound<WorkerChannels> implements WorkerChannels {

    @Override
    public Optional<UUID> reserve(String challengeType) {
        return bound(hub -> hub.reserve(challengeType), Optional.empty());
    }

    @Override
    public void cancelReservation(UUID workerId) {
        ifBound(hub -> hub.cancelReservation(workerId));
    }

    @Override
    public void push(UUID workerId, JobPush job) {
        ifBound(hub -> hub.push(workerId, job));
    }

    @Override
    public boolean connected(UUID workerId) {
        return bound(hub -> hub.connected(workerId), false);
    }

    @Override
    public void release(UUID workerId, UUID jobId) {
        ifBound(hub -> hub.release(workerId, jobId));
    }
}
