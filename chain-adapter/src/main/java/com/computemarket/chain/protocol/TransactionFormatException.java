package com.computemarket.chain.protocol;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A transaction body the node would answer with HTTP 422 (FastAPI/pydantic schema errors, or JSON
 * it cannot decode). {@link #errors()} lists every field error, as FastAPI's {@code detail} does.
 */
public class TransactionFormatException extends ChainFormatException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public TransactionFormatException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public TransactionFormatException(List<FieldError> errors, Throwable cause) {
        super(describe(errors), cause);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return "invalid transaction (node would answer 422): "
                + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
