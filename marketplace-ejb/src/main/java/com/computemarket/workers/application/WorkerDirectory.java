package com.computemarket.workers.application;

import com.computemarket.shared.DomainException;
import jakarta.ejb.Stateless;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * PLACEHOLDER by the dispatch helper so that the worker WebSocket can be built and tested before the merge; the
 * workers helper's version (enrolled Worker aggregate, suspension, reputation) replaces this file at merge.
 * Here every cpc1 address is "enrolled" for its operator, with a worker id derived from (operator, address) and all
 * challenge types, so a test can connect without an enrolment API.
 */
@Stateless
public class WorkerDirectory {

    private static final Set<String> ALL_TYPES = Set.of("synthetic", "inference", "training", "rendering", "simulation");

    public WorkerProfile require(UUID id) {
        throw DomainException.notFound("worker-not-found", "no worker " + id + " (placeholder directory)");
    }

    public WorkerProfile requireConnectable(String operatorSubject, String address) {
        if (address == null || !address.startsWith("cpc1")) {
            throw DomainException.notFound("worker-not-found", "no enrolled worker with address " + address);
        }
        UUID id = UUID.nameUUIDFromBytes((operatorSubject + "|" + address).getBytes(StandardCharsets.UTF_8));
        return new WorkerProfile(id, operatorSubject, address, ALL_TYPES, "ACTIVE", 500);
    }

    public List<WorkerProfile> ofOperator(String operatorSubject) {
        return List.of();
    }
}
