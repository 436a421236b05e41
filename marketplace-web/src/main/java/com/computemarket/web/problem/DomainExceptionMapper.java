package com.computemarket.web.problem;

import com.computemarket.shared.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The domain's refusals, with the status, type and detail the domain chose. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException exception) {
        Response.Status status = Response.Status.fromStatusCode(exception.status());
        String title = status == null ? "Refused" : status.getReasonPhrase();
        return new Problem("https://computemarket.dev/problems/" + exception.type(), title, exception.status(),
                exception.detail()).toResponse();
    }
}
