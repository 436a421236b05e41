package com.computemarket.market.api;

import com.computemarket.market.application.TaskCancellation;
import com.computemarket.market.application.TaskQueries;
import com.computemarket.market.application.TaskResults;
import com.computemarket.market.application.TaskSubmission;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import com.computemarket.verification.application.VerificationQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** The Task Market API: create, read, list and cancel tasks (docs/api/openapi.yaml). */
@Path("tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

    @Inject Caller caller;
    @Inject TaskSubmission submission;
    @Inject TaskQueries queries;
    @Inject TaskCancellation cancellation;
    @Inject TaskResults results;
    @Inject VerificationQueries verifications;

    /**
     * Holds the reward in escrow and queues the jobs. With an Idempotency-Key, a retry of the same request answers
     * the first task (header Idempotent-Replayed: true) and holds nothing more. The one body not bound to a record:
     * a request that moves money is parsed strictly from its text (duplicate keys, unknown fields, a number where a
     * decimal string belongs are refused; the idempotency digest is over the text's canonical JSON): TaskRequest.
     */
    @POST
    @RolesAllowed(Caller.CUSTOMER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        TaskSubmission.Submitted submitted;
        try {
            submitted = submission.submit(caller, body, idempotencyKey);
        } catch (EJBException e) {
            // two requests with one key raced: the loser's insert hit the unique key; answer the winner's task
            if (idempotencyKey == null) {
                throw e;
            }
            submitted = submission.replay(caller, body, idempotencyKey).orElseThrow(() -> e);
        }
        var response = Response.created(uri.getAbsolutePathBuilder().path(submitted.task().id().toString()).build())
                .entity(TaskViews.Created.of(submitted.task()));
        if (!submitted.created()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Caller.CUSTOMER, Caller.FINANCE, Caller.ADMIN})
    public TaskViews.Details get(@PathParam("id") String id) {
        var details = queries.get(caller, taskId(id));
        return TaskViews.Details.of(details.task(), details.jobs(), verifications.ofTask(details.task().id()));
    }

    /**
     * The task's result (TaskResults): an inference task's verified outputs (embeddings paged by offset/limit;
     * format=base64 leaves out the float arrays), a synthetic task's commitments; 404 result-not-ready before any
     * inference job is verified. Visible to whom GET /tasks/{id} is.
     */
    @GET
    @Path("{id}/result")
    @RolesAllowed({Caller.CUSTOMER, Caller.FINANCE, Caller.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response result(@PathParam("id") String id, @QueryParam("format") String format,
                           @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        if (format != null && !format.equals("base64") && !format.equals("floats")) {
            throw DomainException.invalid("invalid-format", "format must be base64 or floats; got \"" + format + "\"");
        }
        var result = results.of(caller, taskId(id), "base64".equals(format), integer("offset", offset), integer("limit", limit));
        return Response.ok(result.toString(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @RolesAllowed({Caller.CUSTOMER, Caller.FINANCE, Caller.ADMIN})
    public TaskViews.Page list(@QueryParam("status") String status, @QueryParam("challenge_type") String challengeType,
                               @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        var page = queries.list(caller, status, challengeType, integer("limit", limit), integer("offset", offset));
        return new TaskViews.Page(page.tasks().stream().map(TaskViews.Summary::of).toList(), page.total(), page.limit(), page.offset());
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Caller.CUSTOMER, Caller.ADMIN})
    public TaskViews.Created cancel(@PathParam("id") String id) {
        return TaskViews.Created.of(cancellation.cancel(caller, taskId(id)));
    }

    static UUID taskId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid-task-id", "task ids are UUIDs such as 550e8400-e29b-41d4-a716-446655440000; got \"" + text + "\"");
        }
    }

    static Integer integer(String name, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw DomainException.invalid("invalid-" + name, name + " must be an integer; got \"" + text + "\"");
        }
    }
}
