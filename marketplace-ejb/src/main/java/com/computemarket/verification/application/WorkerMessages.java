package com.computemarket.verification.application;

import com.computemarket.shared.WorkerId;
import com.computemarket.workerprotocol.WireMessage;

/** Port: a message to a connected worker (the worker gateway, market.infrastructure.WorkerHub); false when it is not connected. */
public interface WorkerMessages {
    boolean send(WorkerId workerId, WireMessage message);
}
