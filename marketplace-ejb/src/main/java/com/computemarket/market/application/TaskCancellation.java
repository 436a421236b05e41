package com.computemarket.market.application;

import com.computemarket.market.domain.Task;
import com.computemarket.market.domain.TaskRepository;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.UUID;

/** A customer (or an admin) cancels an open task: its jobs stop and its escrow goes back to available. */
@Stateless
public class TaskCancellation {

    @Inject TaskQueries queries;
    @Inject TaskRepository tasks;
    @Inject TaskLifecycle lifecycle;

    public Task cancel(Caller caller, UUID id) {
        Task visible = queries.visible(caller, id);
        if (!caller.has(Caller.ADMIN) && !caller.has(Caller.CUSTOMER)) {
            throw DomainException.forbidden("read-only", "finance may read tasks but not cancel them");
        }
        return lifecycle.cancel(tasks.lock(visible.id()));
    }
}
