package com.computemarket.workers.api;

import com.computemarket.shared.Caller;
import com.computemarket.workers.application.WorkerSuspension;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** POST suspends a worker with a reason (409 when it already is); DELETE resumes it (harmless when active). */
@Path("admin/workers/{id}/suspension")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkerSuspensionResource {

    @Inject Caller caller;
    @Inject WorkerSuspension suspension;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public WorkerView suspend(@PathParam("id") UUID id,
                              @NotNull(message = "a JSON body with a reason is required") @Valid SuspensionRequest request) {
        return WorkerView.of(suspension.suspend(caller, id, request.reason()));
    }

    @DELETE
    @RolesAllowed(Caller.ADMIN)
    public WorkerView resume(@PathParam("id") UUID id) {
        return WorkerView.of(suspension.resume(caller, id));
    }
}
