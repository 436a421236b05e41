package com.computemarket.accounts.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.stream.Stream;

/** GET /api/me: who the bearer token says the caller is, and which of the platform's roles it holds. */
@Path("me")
@RequestScoped
public class MeResource {

    static final List<String> ROLES = List.of("customer", "worker", "finance", "admin");

    public record MeView(String username, List<String> roles) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"customer", "worker", "finance", "admin"})
    public MeView me(@Context SecurityContext security) {
        List<String> held = ROLES.stream().filter(security::isUserInRole).toList();
        return new MeView(security.getUserPrincipal().getName(), held);
    }
}
