package com.computemarket.web.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request body JSON-B cannot read (not JSON, wrong types) is the client's mistake: 400, not an incident. RESTEasy
 * reports it as a ProcessingException; any other ProcessingException stays an unexpected 500.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    private static final Logger LOG = Logger.getLogger(UnreadableBodyMapper.class.getName());

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof jakarta.json.bind.JsonbException || t instanceof jakarta.json.JsonException) {
                return Problem.of("unreadable-body", Response.Status.BAD_REQUEST,
                        "the request body is not the JSON this endpoint takes: " + abbreviate(t.getMessage())).toResponse();
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
        return Problem.of("internal-error", Response.Status.INTERNAL_SERVER_ERROR,
                "The server failed unexpectedly; quote incident " + incident + " to an operator.").toResponse();
    }

    private static String abbreviate(String text) {
        return text == null ? "unreadable" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
