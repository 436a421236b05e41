package com.computemarket.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Optional;

/** Row locks for aggregates that are read and then changed in one transaction (market, verification). */
public final class RowLocks {

    private RowLocks() {
    }

    /**
     * The entity with its row locked (PESSIMISTIC_WRITE) and its state re-read under the lock: refresh, not
     * find-with-lock, because an instance this transaction already read would otherwise be locked against its old
     * version and fail with OptimisticLockException when another transaction changed the row meanwhile.
     */
    public static <T> Optional<T> lockFresh(EntityManager em, Class<T> type, Object id) {
        T entity = em.find(type, id);
        if (entity != null) {
            em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
        }
        return Optional.ofNullable(entity);
    }
}
