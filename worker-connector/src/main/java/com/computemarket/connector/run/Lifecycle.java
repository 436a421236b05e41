package com.computemarket.connector.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The session's stop signals, shared by its parts: once {@link #stopping()} no job is taken and no reconnect is tried;
 * {@link #awaitStopped()} returns when the shutdown (or an abandon after a fatal refusal) is complete.
 */
final class Lifecycle {

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    boolean stopping() {
        return stopping;
    }

    /** True for the one caller that starts the stop; false when it was started already. */
    boolean requestStop() {
        synchronized (this) {
            if (stopping) {
                return false;
            }
            stopping = true;
        }
        stopRequested.countDown();
        return true;
    }

    /** Waits up to {@code millis} for a stop request; true when one came. */
    boolean awaitStopRequest(long millis) throws InterruptedException {
        return stopRequested.await(millis, TimeUnit.MILLISECONDS);
    }

    void markStopped() {
        stopped.countDown();
    }

    void awaitStoppedInterruptibly() throws InterruptedException {
        stopped.await();
    }

    /** Waits for the end of the stop; an interrupt ends the wait and is kept on the thread. */
    void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
