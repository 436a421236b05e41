package com.computemarket.shared;

import jakarta.ejb.ApplicationException;

/**
 * A refusal a user can act on. The web tier turns it into {@code application/problem+json} with {@code status},
 * a stable {@code type} slug and the {@code detail}. Rolls the transaction back, so a refused request changes nothing.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    private final int status;
    private final String type;

    public DomainException(int status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    /** 400: the request itself is malformed or out of range. */
    public static DomainException invalid(String type, String detail) {
        return new DomainException(400, type, detail);
    }

    /** 403: authenticated, but this caller may not touch that. */
    public static DomainException forbidden(String type, String detail) {
        return new DomainException(403, type, detail);
    }

    /** 404: no such thing, or not one the caller may see (we do not reveal which). */
    public static DomainException notFound(String type, String detail) {
        return new DomainException(404, type, detail);
    }

    /** 409: the thing exists but is in a state that does not allow this. */
    public static DomainException conflict(String type, String detail) {
        return new DomainException(409, type, detail);
    }

    /** 422: well-formed, but the business rules refuse it (e.g. too little balance). */
    public static DomainException unprocessable(String type, String detail) {
        return new DomainException(422, type, detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }
}
