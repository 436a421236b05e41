package com.computemarket.billing.api;

import com.computemarket.billing.application.LedgerReading;
import com.computemarket.billing.application.PageRequest;
import com.computemarket.shared.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The ledger for finance and admins: every account with its balance, and the journal newest first. */
@Path("ledger")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    public record AccountBalanceView(String type, String owner, String balance) {
    }

    public record EntriesPage(List<EntryView> entries, long total, int limit, int offset) {
    }

    @Inject LedgerReading reading;
    @Inject Caller caller;

    @GET
    @Path("accounts")
    @RolesAllowed({"finance", "admin"})
    public List<AccountBalanceView> accounts() {
        return reading.accounts(caller).stream()
                .map(a -> new AccountBalanceView(a.type().name(), a.owner(), a.balance().toCpc())).toList();
    }

    @GET
    @Path("entries")
    @RolesAllowed({"finance", "admin"})
    public EntriesPage entries(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        var page = reading.entries(caller, PageRequest.parse(limit, offset));
        return new EntriesPage(page.items().stream().map(EntryView::of).toList(), page.total(), page.limit(), page.offset());
    }
}
