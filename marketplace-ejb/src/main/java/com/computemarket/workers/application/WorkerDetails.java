package com.computemarket.workers.application;

import com.computemarket.shared.ChallengeType;
import com.computemarket.workers.domain.Gpu;
import com.computemarket.workers.domain.Worker;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything about one worker that its operator, finance and admins may read. */
public record WorkerDetails(UUID id, String operatorSubject, String operatorUsername, String address, String publicKey,
                            List<Gpu> gpus, List<String> challengeTypes, String status, String suspensionReason,
                            Instant suspendedAt, int reputation, long successes, long failures, Instant enrolledAt) {

    static WorkerDetails of(Worker w) {
        return new WorkerDetails(w.id(), w.operatorSubject(), w.operatorUsername(), w.address(), w.publicKey(), w.gpus(),
                w.challengeTypes().stream().sorted().map(ChallengeType::wire).toList(), w.status().name(),
                w.suspensionReason(), w.suspendedAt(), w.reputation(), w.successes(), w.failures(), w.enrolledAt());
    }
}
