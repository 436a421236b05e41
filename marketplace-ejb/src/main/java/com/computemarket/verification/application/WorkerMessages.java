package com.computemarket.verification.application;

import com.computemarket.workerprotocol.WireMessage;
import java.util.UUID;

/** Port: a message to a connected worker (the worker gateway, market.infrastructure.WorkerHub); false when it is not connected. */
public interface WorkerMessages {
    boolean send(UUID workerId, WireMessage message);
}
