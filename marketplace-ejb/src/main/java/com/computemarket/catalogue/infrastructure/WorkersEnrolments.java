package com.computemarket.catalogue.infrastructure;

import com.computemarket.catalogue.application.Enrolments;
import com.computemarket.workers.application.WorkerDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Enrolment as the workers context knows it: an operator's workers through its directory (ACTIVE may work). */
@ApplicationScoped
public class WorkersEnrolments implements Enrolments {

    private static final String ACTIVE = "ACTIVE";

    @Inject WorkerDirectory directory;

    @Override
    public boolean hasActiveWorker(String operatorSubject) {
        return directory.ofOperator(operatorSubject).stream().anyMatch(worker -> ACTIVE.equals(worker.status()));
    }
}
