package com.computemarket.it;

import com.computemarket.billing.application.EntryDraft;
import com.computemarket.billing.application.Escrow;
import com.computemarket.billing.application.Ledger;
import com.computemarket.billing.domain.EscrowHold;
import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.market.application.JobQueue;
import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobStatus;
import com.computemarket.market.domain.Task;
import com.computemarket.shared.AccountRef;
import com.computemarket.shared.AccountType;
import com.computemarket.shared.Amount;
import com.computemarket.shared.Posting;
import com.computemarket.shared.TaskId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
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
    @Inject
    Ledger ledger;
    @Inject
    Escrow escrow;

    /** A task of one job, announced; answers {taskId, jobId}. */
    @Transactional
    public UUID[] createTask(String challengeType) {
        Instant now = Instant.now();
        UUID taskId = UUID.randomUUID();
        UUID jobId = UUID.randomUUID();
        em.persist(new Task(taskId, "acme", "dispatch-it", challengeType, "{\"n\":16}", Amount.parseCpc("reward", "1"),
                null, 1, null, null, now));
        // funded and held like a real task, so that failing it releases a real hold
        Amount reward = Amount.parseCpc("reward", "1");
        ledger.post(new EntryDraft("dispatch-it-credit:" + taskId, "manual-credit", "DispatchIT", List.of(
                new Posting(AccountRef.platform(AccountType.MANUAL_CREDITS), reward.negate()),
                new Posting(AccountRef.available("acme"), reward))));
        escrow.hold(TaskId.of(taskId), "acme", reward);
        em.persist(new Job(jobId, taskId, 0, challengeType, "{\"n\":16,\"seed\":\"" + jobId + "\"}", Amount.parseCpc("reward", "1"), now));
        // write the rows now: a JDBC connection first taken in beforeCompletion is not enlisted in the XA
        // transaction (PostgreSQL then refuses the @Lob columns in auto-commit mode)
        em.flush();
        queue.ready(jobId);
        return new UUID[] {taskId, jobId};
    }

    /** Credits an organization as an admin's manual credit would. */
    @Transactional
    public void fund(String organization, Amount amount) {
        ledger.post(new EntryDraft("it-credit:" + UUID.randomUUID(), "manual-credit", "integration test", List.of(
                new Posting(AccountRef.platform(AccountType.MANUAL_CREDITS), amount.negate()),
                new Posting(AccountRef.available(organization), amount))));
    }

    static final String WORKER_OPERATOR = TestWorkers.OPERATOR;

    @Inject
    TestWorkers workers;

    /** A fresh key's address, enrolled as an ACTIVE worker of the demo operator for every challenge type. */
    public String enrolledAddress() {
        String address = ChainKey.generate(new java.security.SecureRandom()).address();
        workers.enrol(address);
        return address;
    }

    @Transactional
    public JobState job(UUID jobId) {
        Job job = em.find(Job.class, jobId);
        return new JobState(job.status().name(), job.workerId(), job.attempts(), job.resultHash());
    }

    /** A task's escrow hold: what it held, settled and released, and whether it is still open. */
    public record HoldState(Amount held, Amount settled, Amount released, boolean open) {
    }

    @Transactional
    public HoldState hold(UUID taskId) {
        EscrowHold hold = em.find(EscrowHold.class, taskId);
        return new HoldState(hold.held(), hold.settled(), hold.released(), hold.isOpen());
    }

    /**
     * What escrow owes a worker for every job settled to it, from the jobs themselves: each job's reward less the
     * platform's fee (cm.market.fee-bps, 1000 in the tests).
     */
    @Transactional
    public Amount netSettledTo(UUID workerId) {
        return em.createQuery("select j from Job j where j.workerId = :worker and j.status = :settled", Job.class)
                .setParameter("worker", workerId).setParameter("settled", JobStatus.SETTLED).getResultList().stream()
                .map(j -> j.reward().minus(j.reward().basisPoints(1000))).reduce(Amount.ZERO, Amount::plus);
    }

    @Transactional
    public String taskStatus(UUID taskId) {
        return em.find(Task.class, taskId).status().name();
    }
}
