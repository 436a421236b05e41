package com.computemarket.workers.application;

import com.computemarket.shared.ChallengeType;
import com.computemarket.workers.domain.Worker;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What other contexts need of a worker: who operates it (Keycloak subject), its address, the challenge types it
 * runs (wire names), its status (ACTIVE/SUSPENDED) and reputation.
 */
public record WorkerProfile(UUID id, String operator, String address, Set<String> challengeTypes, String status, int reputation) {

    public WorkerProfile {
        challengeTypes = Set.copyOf(challengeTypes);
    }

    static WorkerProfile of(Worker worker) {
        return new WorkerProfile(worker.id(), worker.operatorSubject(), worker.address(),
                worker.challengeTypes().stream().map(ChallengeType::wire).collect(Collectors.toSet()),
                worker.status().name(), worker.reputation());
    }
}
