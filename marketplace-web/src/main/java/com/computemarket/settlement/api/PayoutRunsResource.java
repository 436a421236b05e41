package com.computemarket.settlement.api;

import com.computemarket.settlement.application.PayoutRun;
import com.computemarket.shared.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** POST /api/admin/payout-runs: pay out every worker payable at or above the threshold. */
@Path("admin/payout-runs")
@RequestScoped
public class PayoutRunsResource {

    @Inject PayoutRun payoutRun;
    @Inject Caller caller;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Response start() {
        return Response.status(Response.Status.CREATED).entity(PayoutRunView.of(payoutRun.run(caller.username()))).build();
    }
}
