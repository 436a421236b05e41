package com.computemarket.billing.api;

import com.computemarket.billing.application.InvariantReport;
import com.computemarket.billing.application.LedgerInvariants;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** GET /api/admin/invariants: the ledger's invariants checked now; 200 whether they hold (ok) or not. */
@Path("admin/invariants")
@RequestScoped
public class InvariantsResource {

    public record ReportView(boolean ok, @JsonbProperty("checked_at") Instant checkedAt, List<InvariantReport.Check> checks) {
    }

    @Inject LedgerInvariants invariants;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "finance"})
    public ReportView report() {
        InvariantReport report = invariants.check();
        return new ReportView(report.ok(), report.checkedAt(), report.checks());
    }
}
