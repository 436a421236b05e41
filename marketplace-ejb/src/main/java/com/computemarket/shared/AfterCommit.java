package com.computemarket.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs an action when the caller's transaction ends: pushes to workers happen only for state that committed. A
 * failing action is logged, never thrown: the transaction is over and must not look as if it failed.
 */
@ApplicationScoped
public class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class.getName());

    @Resource TransactionSynchronizationRegistry transaction;

    public AfterCommit() {
    }

    /** Outside the container (unit tests): over the given registry. */
    public AfterCommit(TransactionSynchronizationRegistry transaction) {
        this.transaction = transaction;
    }

    /** {@code action} gets true when the transaction committed, false when it rolled back. */
    public void whenDone(Consumer<Boolean> action) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                try {
                    action.accept(status == Status.STATUS_COMMITTED);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "after-completion action failed", e);
                }
            }
        });
    }

    /** Runs {@code action} only if the transaction commits. */
    public void run(Runnable action) {
        whenDone(committed -> {
            if (committed) {
                action.run();
            }
        });
    }
}
