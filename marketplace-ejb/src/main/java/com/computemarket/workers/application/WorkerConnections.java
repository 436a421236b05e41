package com.computemarket.workers.application;

import com.computemarket.shared.WorkerId;

/** Port: the live connections of workers (the worker gateway, market.infrastructure.WorkerHub). */
public interface WorkerConnections {

    /** Closes the worker's connection, if it has one: it was suspended and must take no more work. */
    void disconnect(WorkerId workerId, String reason);
}
