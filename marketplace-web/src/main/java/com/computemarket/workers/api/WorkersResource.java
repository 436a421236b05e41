package com.computemarket.workers.api;

import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import com.computemarket.workers.application.WorkerDirectory;
import com.computemarket.workers.application.WorkerEnrolment;
import com.computemarket.workers.application.WorkerPage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.util.UUID;

/**
 * Worker enrolment (docs/protocol/worker-enrolment.md) and the workers a caller may see: an operator its own,
 * finance and admins all; customers none.
 */
@Path("workers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkersResource {

    @Inject Caller caller;
    @Inject WorkerEnrolment enrolment;
    @Inject WorkerDirectory directory;

    /**
     * A nonce for the worker to sign. The body is optional: none at all (with or without a Content-Type), {@code {}},
     * or {@code {"address": "cpc1…"}} for the complete message; so it is read as text rather than bound.
     */
    @POST
    @Path("enrolment-challenges")
    @RolesAllowed(Caller.WORKER)
    public Response challenge(String body) {
        ChallengeView view = ChallengeView.of(enrolment.issueChallenge(caller, optionalAddress(body)));
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    private static String optionalAddress(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw DomainException.invalid("malformed-json", "the body must be empty or a JSON object such as {\"address\": \"cpc1…\"}");
        }
        JsonValue address = json.get("address");
        if (address == null || address.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (address.getValueType() != JsonValue.ValueType.STRING) {
            throw DomainException.invalid("invalid-address", "address must be a string, a cpc1… account address");
        }
        return ((JsonString) address).getString();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.WORKER)
    public Response enrol(@NotNull(message = "a JSON body is required") @Valid EnrolWorkerRequest request, @Context UriInfo uri) {
        WorkerView view = WorkerView.of(enrolment.enrol(caller, request.toCommand()));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed({Caller.WORKER, Caller.FINANCE, Caller.ADMIN})
    public WorkerView.Page list(
            @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "limit must be at least 1")
            @Max(value = WorkerDirectory.MAX_PAGE, message = "limit must be at most " + WorkerDirectory.MAX_PAGE) int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(value = 0, message = "offset must be at least 0") int offset) {
        WorkerPage page = directory.list(caller, limit, offset);
        return new WorkerView.Page(page.workers().stream().map(WorkerView::of).toList(), page.total(), page.limit(), page.offset());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Caller.WORKER, Caller.FINANCE, Caller.ADMIN})
    public WorkerView show(@PathParam("id") UUID id) {
        return WorkerView.of(directory.show(caller, id));
    }
}
