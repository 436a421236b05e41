package com.computemarket.catalogue.application;

/** Port to the workers context: whether a worker operator has an enrolled worker that may work (ACTIVE). */
public interface Enrolments {

    boolean hasActiveWorker(String operatorSubject);
}
