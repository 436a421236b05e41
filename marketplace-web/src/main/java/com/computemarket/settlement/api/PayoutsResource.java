package com.computemarket.settlement.api;

import com.computemarket.settlement.application.PayoutQueries;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** GET /api/payouts and /api/payouts/{id}: finance and admin see all, a worker operator its own workers'. */
@Path("payouts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PayoutsResource {

    @Inject PayoutQueries queries;
    @Inject Caller caller;

    @GET
    @RolesAllowed({"worker", "finance", "admin"})
    public PayoutPage list(@QueryParam("limit") @DefaultValue("50") int limit,
                           @QueryParam("offset") @DefaultValue("0") int offset) {
        PayoutQueries.Page page = queries.list(caller, limit, offset);
        return new PayoutPage(page.payouts().stream().map(PayoutView::of).toList(), page.total(), page.limit(),
                page.offset());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"worker", "finance", "admin"})
    public PayoutView get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("payout-not-found", "no payout " + id);
        }
        return PayoutView.of(queries.get(caller, uuid));
    }
}
