package com.computemarket.web.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body JSON-B cannot read (not JSON, wrong types) is the client's mistake: 400, not an incident. RESTEasy
 * reports it as a ProcessingException; any other ProcessingException stays an unexpected 500.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof jakarta.json.bind.JsonbException || t instanceof jakarta.json.JsonException) {
                return Problem.of("unreadable-body", Response.Status.BAD_REQUEST,
                        "the request body is not the JSON this endpoint takes: " + abbreviate(t.getMessage())).toResponse();
            }
        }
        return new UnexpectedExceptionMapper().toResponse(exception);
    }

    private static String abbreviate(String text) {
        return text == null ? "unreadable" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
