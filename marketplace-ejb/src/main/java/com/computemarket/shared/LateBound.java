package com.computemarket.shared;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * A port whose implementation lives in the web module (the WebSocket hub), which the EJB module cannot see: class and
 * bean visibility in an EAR go from the WAR to the EJB jar, not back. The EJB side injects a subclass of this; the hub
 * registers itself when the web module starts. Until then calls find nobody (no worker is connected).
 */
public abstract class LateBound<T> {

    private static final Logger LOG = Logger.getLogger(LateBound.class.getName());

    private volatile T target;

    public void register(T implementation) {
        this.target = implementation;
        LOG.fine(() -> getClass().getSimpleName() + " bound to " + implementation.getClass().getSimpleName());
    }

    public void unregister(T implementation) {
        if (this.target == implementation) {
            this.target = null;
        }
    }

    /** Runs {@code action} on the registered implementation, if there is one. */
    protected void ifBound(Consumer<T> action) {
        T current = target;
        if (current != null) {
            action.accept(current);
        }
    }

    /** {@code call}'s answer from the registered implementation, or {@code unbound} when there is none. */
    protected <R> R bound(Function<T, R> call, R unbound) {
        T current = target;
        return current == null ? unbound : call.apply(current);
    }
}
