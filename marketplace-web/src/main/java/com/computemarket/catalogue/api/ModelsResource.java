package com.computemarket.catalogue.api;

import com.computemarket.catalogue.application.ModelCatalogue;
import com.computemarket.catalogue.application.ModelFileDownload;
import com.computemarket.catalogue.application.ModelFiles;
import com.computemarket.catalogue.domain.ModelId;
import com.computemarket.catalogue.domain.Sha256;
import com.computemarket.shared.Caller;
import com.computemarket.web.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The model catalogue for everyone signed in, and the models' files for the operators of enrolled workers: whole, or
 * one byte range so that an interrupted pull resumes ({@code Accept-Ranges: bytes}, strong {@code ETag} = the SHA-256,
 * {@code If-Range} honoured).
 */
@Path("models")
@RequestScoped
public class ModelsResource {

    private static final int BUFFER = 1 << 16;

    @Inject Caller caller;
    @Inject ModelCatalogue catalogue;
    @Inject ModelFiles files;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.CUSTOMER, Caller.WORKER, Caller.FINANCE, Caller.ADMIN})
    public ModelView.Catalogue list() {
        return new ModelView.Catalogue(catalogue.offered().stream().map(ModelView::of).toList());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.CUSTOMER, Caller.WORKER, Caller.FINANCE, Caller.ADMIN})
    public ModelView show(@PathParam("id") String id) {
        return ModelView.of(catalogue.show(ModelId.of(id)));
    }

    @GET
    @Path("{id}/files/{sha256}")
    @RolesAllowed(Caller.WORKER)
    public Response download(@PathParam("id") String id, @PathParam("sha256") String sha256,
                             @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange) {
        ModelFileDownload file = catalogue.requireDownload(caller, ModelId.of(id), Sha256.parse(sha256));
        String etag = "\"" + file.sha256().hex() + "\"";
        Optional<ByteRange> part;
        try {
            // a resumed pull of a file that changed would mix two files: If-Range with another validator gets it whole
            part = ifRange == null || ifRange.strip().equals(etag) ? ByteRange.parse(range, file.size()) : Optional.empty();
        } catch (ByteRange.Unsatisfiable e) {
            Problem problem = Problem.of("range-not-satisfiable", Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE, e.getMessage());
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                    .header("Content-Range", "bytes */" + e.size()).header("Accept-Ranges", "bytes").build();
        }
        long first = part.map(ByteRange::first).orElse(0L);
        long length = part.map(ByteRange::length).orElse(file.size());
        Response.ResponseBuilder response = part.isPresent()
                ? Response.status(Response.Status.PARTIAL_CONTENT).header("Content-Range", part.get().contentRange(file.size()))
                : Response.ok();
        return response.entity(copy(file.sha256(), first, length))
                .type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=31536000, immutable")
                .build();
    }

    private StreamingOutput copy(Sha256 sha256, long first, long length) {
        return out -> {
            try (InputStream in = files.open(sha256, first)) {
                transfer(in, out, length);
            }
        };
    }

    static void transfer(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the stored file ended " + left + " bytes early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
