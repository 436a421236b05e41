package com.computemarket.web.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body JSON-B cannot read (broken JSON, a string where a number belongs) is the client's mistake: 400
 * {@code malformed-json} with the parser's words. Any other ProcessingException is ours, as an unexpected failure.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        Throwable json = null;
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                json = t;
            }
        }
        if (json == null) {
            return new UnexpectedExceptionMapper().toResponse(exception);
        }
        String words = json.getMessage() == null ? "" : ": " + json.getMessage().replaceFirst("^Internal error: ", "");
        return Problem.of("malformed-json", Response.Status.BAD_REQUEST,
                "the request body is not the JSON this endpoint reads" + words).toResponse();
    }
}
