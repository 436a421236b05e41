package com.computemarket.shared;

import java.util.Optional;
import java.util.Set;

/**
 * Who is asking, as the verified bearer token says: the Keycloak subject (stable id), the user name, the realm roles
 * of this application, and the customer organization (Keycloak organization alias) where the user belongs to one.
 * Services take it explicitly and decide what the caller may see; the web tier builds it.
 */
public record Caller(String subject, String username, Set<String> roles, Optional<String> organization) {

    public static final String CUSTOMER = "customer";
    public static final String WORKER = "worker";
    public static final String FINANCE = "finance";
    public static final String ADMIN = "admin";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Finance reads everything; admin administers: both may look at any organization's or worker's data. */
    public boolean readsEverything() {
        return has(FINANCE) || has(ADMIN);
    }

    /** The organization a customer acts for; a customer without one is refused, not given someone else's data. */
    public String requireOrganization() {
        return organization.orElseThrow(() -> DomainException.forbidden("no-organization",
                "user " + username + " belongs to no customer organization; ask an administrator to add you to one"));
    }
}
