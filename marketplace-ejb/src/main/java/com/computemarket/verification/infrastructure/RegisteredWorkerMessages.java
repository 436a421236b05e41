package com.computemarket.verification.infrastructure;

import com.computemarket.shared.LateBound;
import com.computemarket.verification.application.WorkerMessages;
import com.computemarket.workerprotocol.WireMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The WorkerMessages that EJBs get injected: the WebSocket hub of the web module, once it registered (LateBound). */
@ApplicationScoped
public class RegisteredWorkerMessages extends LateBound<WorkerMessages> implements WorkerMessages {

    @Override
    public boolean send(UUID workerId, WireMessage message) {
        return bound(hub -> hub.send(workerId, message), false);
    }
}
