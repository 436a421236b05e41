package com.computemarket.web.problem;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A transaction that lost a race on a row's version (another request or the dispatcher changed it first) changed
 * nothing: 409, retry. Any other rollback is unexpected.
 */
@Provider
public class RolledBackMapper implements ExceptionMapper<EJBTransactionRolledbackException> {

    @Override
    public Response toResponse(EJBTransactionRolledbackException exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return Problem.of("concurrent-update", Response.Status.CONFLICT,
                        "what this request changes was changed by another one at the same time; nothing was done, retry it")
                        .toResponse();
            }
        }
        return new UnexpectedExceptionMapper().toResponse(exception);
    }
}
