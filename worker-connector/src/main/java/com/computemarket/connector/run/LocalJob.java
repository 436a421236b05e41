package com.computemarket.connector.run;

import com.computemarket.workerprotocol.WireMessage;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A job this worker holds: queued or running here, or done and waiting for the server's acknowledgement. */
final class LocalJob {

    enum State { QUEUED, RUNNING, DONE, RETURNED }

    final WireMessage.JobAssignment job;
    final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);
    final AtomicInteger resends = new AtomicInteger();
    volatile long startedNanos;
    volatile Future<?> future;
    volatile WireMessage.JobResult result;

    LocalJob(WireMessage.JobAssignment job) {
        this.job = job;
    }

    boolean is(State s) {
        return state.get() == s;
    }

    /** Done here and its result kept for the server. */
    boolean holdsResult() {
        return is(State.DONE) && result != null;
    }
}
