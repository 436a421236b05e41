package com.computemarket.billing.api;

import com.computemarket.billing.application.LedgerReading;
import com.computemarket.shared.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /api/organizations/{org}/balance: a customer its own organization (others are 404), finance and admins any. */
@Path("organizations/{organization}/balance")
@RequestScoped
public class OrganizationBalanceResource {

    @Inject LedgerReading reading;
    @Inject Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"customer", "finance", "admin"})
    public BalanceView balance(@PathParam("organization") String organization) {
        return BalanceView.of(reading.balanceOf(caller, organization));
    }
}
