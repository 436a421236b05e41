package com.computemarket.operations.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The API's OpenAPI document, kept by hand beside the code (OpenApiDocumentTest keeps the two in step). */
@Path("openapi")
@ApplicationScoped
public class OpenApiResource {

    public static final String DOCUMENT = "/com/computemarket/web/openapi.yaml";

    @GET
    @PermitAll
    @Produces("application/yaml")
    public String document() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
