package com.computemarket.workers.infrastructure;

import com.computemarket.shared.LateBound;
import com.computemarket.workers.application.WorkerConnections;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The WorkerConnections that EJBs get injected: the WebSocket hub of the web module, once it registered (LateBound). */
@ApplicationScoped
public class RegisteredWorkerConnections extends LateBound<WorkerConnections> implements WorkerConnections {

    @Override
    public void disconnect(UUID workerId, String reason) {
        ifBound(hub -> hub.disconnect(workerId, reason));
    }
}
