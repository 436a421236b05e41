package com.computemarket.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Bean Validation refusals of a request (body, path or query) as one 400 problem whose detail lists every message,
 * sorted; the messages name the wire fields. A violated return value is our bug, a 500.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    private static final Logger LOG = Logger.getLogger(ConstraintViolationMapper.class.getName());

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        Set<ConstraintViolation<?>> violations = exception.getConstraintViolations();
        Set<String> messages = new TreeSet<>();
        boolean returnValue = false;
        if (violations != null) {
            for (ConstraintViolation<?> violation : violations) {
                returnValue |= isReturnValue(violation.getPropertyPath());
                messages.add(violation.getMessage());
            }
        }
        if (returnValue) {
            LOG.log(Level.SEVERE, "A response violated its constraints", exception);
            return Problem.of("internal-error", Response.Status.INTERNAL_SERVER_ERROR,
                    "The server built an invalid response.").toResponse();
        }
        String detail = messages.isEmpty() ? "the request is invalid" : String.join("; ", messages);
        return Problem.of("invalid-request", Response.Status.BAD_REQUEST, detail).toResponse();
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }
}
