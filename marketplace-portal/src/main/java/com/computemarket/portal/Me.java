package com.computemarket.portal;

import com.computemarket.shared.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.TreeSet;

/** The signed-in user as the pages see it: name, organization and which parts of the navigation to show. */
@Named("me")
@RequestScoped
public class Me {

    @Inject Caller caller;

    public String getUsername() {
        return caller.username();
    }

    public String getOrganization() {
        return caller.organization().orElse("");
    }

    public String getRoles() {
        return String.join(", ", new TreeSet<>(caller.roles()));
    }

    public boolean isCustomer() {
        return caller.has(Caller.CUSTOMER);
    }

    public boolean isOperator() {
        return caller.has(Caller.WORKER);
    }

    public boolean isFinance() {
        return caller.readsEverything();
    }

    public boolean isAdmin() {
        return caller.has(Caller.ADMIN);
    }
}
