package com.computemarket.workers.application;

import jakarta.ejb.Stateless;
import java.util.List;
import java.util.UUID;

/** PLACEHOLDER (the workers branch's version wins at merge). */
@Stateless
public class WorkerDirectory {
    public WorkerProfile require(UUID id) {
        throw new UnsupportedOperationException("placeholder");
    }

    public WorkerProfile requireConnectable(String operatorSubject, String address) {
        throw new UnsupportedOperationException("placeholder");
    }

    public List<WorkerProfile> ofOperator(String operatorSubject) {
        throw new UnsupportedOperationException("placeholder");
    }
}
