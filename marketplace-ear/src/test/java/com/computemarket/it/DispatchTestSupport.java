package com.computemarket.it;

import com.computemarket.market.application.JobQueue;
import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.Task;
import com.computemarket.shared.Amount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.workers.domain.AddressProof;
import com.computemarket.workers.domain.ChallengeType;
import com.computemarket.workers.domain.Worker;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * In-container help for DispatchIT: creates a one-job task the way TaskSubmission will (rows and the JobReady message
 * in one transaction) and reads jobs and tasks back; enrols the test's workers for the demo operator "worker"
 * (WorkerEnrolmentIT covers the signed enrolment over the API; here only the row matters).
 */
@ApplicationScoped
public class DispatchTestSupport {

    public record JobState(String status, UUID workerId, int attempts, String resultHash) {
    }

    @PersistenceContext(unitName = "marketplace")
    EntityManager em;
    @Inject
    JobQueue queue;

    /** A task of one job, announced; answers {taskId, jobId}. */
    @Transactional
    public UUID[] createTask(String challengeType) {
        Instant now = Instant.now();
        UUID taskId = UUID.randomUUID();
        UUID jobId = UUID.randomUUID();
        em.persist(new Task(taskId, "acme", "dispatch-it", challengeType, "{\"n\":16}", Amount.parseCpc("reward", "1"),
                null, 1, null, null, now));
        em.persist(new Job(jobId, taskId, 0, challengeType, "{\"n\":16,\"seed\":\"" + jobId + "\"}", Amount.parseCpc("reward", "1"), now));
        // write the rows now: a JDBC connection first taken in beforeCompletion is not enlisted in the XA
        // transaction (PostgreSQL then refuses the @Lob columns in auto-commit mode)
        em.flush();
        queue.ready(jobId);
        return new UUID[] {taskId, jobId};
    }

    /** The Keycloak subject of the realm's demo user "worker" (fixed id in config/keycloak). */
    static final String WORKER_OPERATOR = "1c0a5b8e-0c1e-4d6a-9a51-000000000002";

    /** A fresh key's address, enrolled as an ACTIVE worker of the demo operator for every challenge type. */
    @Transactional
    public String enrolledAddress() {
        ChainKey key = ChainKey.generate(new java.security.SecureRandom());
        AddressProof proof = AddressProof.parse(key.address(), key.publicKeyHex(), "00".repeat(64));
        em.persist(new Worker(UUID.randomUUID(), WORKER_OPERATOR, "worker", proof, List.of(),
                EnumSet.allOf(ChallengeType.class), Instant.now()));
        return key.address();
    }

    @Transactional
    public JobState job(UUID jobId) {
        Job job = em.find(Job.class, jobId);
        return new JobState(job.status().name(), job.workerId(), job.attempts(), job.resultHash());
    }

    @Transactional
    public String taskStatus(UUID taskId) {
        return em.find(Task.class, taskId).status().name();
    }
}
