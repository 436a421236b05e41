package com.computemarket.catalogue.api;

import com.computemarket.catalogue.application.ModelCatalogue;
import com.computemarket.catalogue.application.ModelUploads;
import com.computemarket.catalogue.application.StoredFile;
import com.computemarket.catalogue.domain.ModelId;
import com.computemarket.catalogue.domain.Sha256;
import com.computemarket.shared.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * Admins put a model's files into the store (each under its SHA-256), then register the model that names them, and
 * retire it when it is no longer offered (docs/operations.md, "Adding a model").
 */
@Path("admin/models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminModelsResource {

    @Inject Caller caller;
    @Inject ModelCatalogue catalogue;
    @Inject ModelUploads uploads;

    /** The file's bytes in the body (any content type, application/octet-stream by convention): 201 stored, 200 already there. */
    @PUT
    @Path("{id}/files/{sha256}")
    @RolesAllowed(Caller.ADMIN)
    public Response upload(@PathParam("id") String id, @PathParam("sha256") String sha256,
                           @HeaderParam("Content-Length") Long contentLength, InputStream body) {
        ModelId model = ModelId.of(id);
        Sha256 declared = Sha256.parse(sha256);
        StoredFile stored = uploads.upload(caller, model, declared, body,
                contentLength == null ? OptionalLong.empty() : OptionalLong.of(contentLength));
        return Response.status(stored.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(new StoredFileView(stored.sha256().hex(), stored.size(), stored.created())).build();
    }

    public record StoredFileView(String sha256, long size, boolean created) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.ADMIN)
    public Response register(@NotNull(message = "a JSON body is required") @Valid RegisterModelRequest request, @Context UriInfo uri) {
        ModelView view = ModelView.of(catalogue.register(caller, request.toCommand()));
        return Response.created(uri.getBaseUriBuilder().path("models").path(view.id()).build()).entity(view).build();
    }

    @POST
    @Path("{id}/retire")
    @RolesAllowed(Caller.ADMIN)
    public ModelView retire(@PathParam("id") String id) {
        return ModelView.of(catalogue.retire(caller, ModelId.of(id)));
    }
}
