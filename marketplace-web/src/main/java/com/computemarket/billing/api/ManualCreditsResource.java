package com.computemarket.billing.api;

import com.computemarket.billing.application.ManualCreditView;
import com.computemarket.billing.application.ManualCrediting;
import com.computemarket.billing.application.PageRequest;
import com.computemarket.shared.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Manual credits: an admin grants one with a reason; finance and admins read the audit trail. */
@Path("admin/credits")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ManualCreditsResource {

    public record CreditView(UUID id, String organization, String amount, String reason,
                             @JsonbProperty("credited_by") String creditedBy,
                             @JsonbProperty("credited_at") Instant creditedAt,
                             @JsonbProperty("entry_id") UUID entryId) {
        static CreditView of(ManualCreditView c) {
            return new CreditView(c.id(), c.organization(), c.amount().toCpc(), c.reason(), c.creditedBy(),
                    c.creditedAt(), c.entryId());
        }
    }

    public record CreditsPage(List<CreditView> credits, long total, int limit, int offset) {
    }

    @Inject ManualCrediting crediting;
    @Inject Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Response credit(@NotNull(message = "send {\"organization\", \"amount\", \"reason\"} as JSON") @Valid CreditRequest request) {
        CreditView view = CreditView.of(crediting.credit(caller, request.organization(), request.amount(), request.reason()));
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @GET
    @RolesAllowed({"finance", "admin"})
    public CreditsPage list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        var page = crediting.list(caller, PageRequest.parse(limit, offset));
        return new CreditsPage(page.items().stream().map(CreditView::of).toList(), page.total(), page.limit(), page.offset());
    }
}
