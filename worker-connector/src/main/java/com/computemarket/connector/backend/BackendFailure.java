package com.computemarket.connector.backend;

/** A backend could not compute a job it accepted (the device failed, ran out of memory): the job is returned. */
public class BackendFailure extends RuntimeException {

    public BackendFailure(String message) {
        super(message);
    }
}
