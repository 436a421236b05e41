package com.computemarket.it.portal;

import com.computemarket.challenge.synthetic.Verdict;
import com.computemarket.market.application.TaskSubmission;
import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.Task;
import com.computemarket.shared.Caller;
import com.computemarket.verification.domain.Verification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * In-container: an acme synthetic task whose one job carries a settled verification (challenge block, verdict,
 * SUBMIT_RESULT and its block) as the verification context records it, so that the portal's task page has one to show.
 * ProofOfComputeIT proves the real flow that produces such a record; this only feeds the page.
 */
@ApplicationScoped
public class VerifiedTaskFixture {

    /** The reward that marks the fixture's task in acme's list. */
    public static final String REWARD = "0.000000000000000777";
    public static final String TX_HASH = "7e".repeat(32);
    public static final long BLOCK = 4242;

    static final Caller ACME = new Caller("1c0a5b8e-0c1e-4d6a-9a51-000000000001", "customer", Set.of(Caller.CUSTOMER),
            Optional.of("acme"));

    @Inject TaskSubmission submission;
    @Inject com.computemarket.billing.application.Ledger ledger;
    @PersistenceContext(unitName = "marketplace")
    EntityManager em;

    @Transactional
    public UUID verifiedTask() {
        // the reward must be available (a fresh database has no balance for acme yet)
        ledger.post(new com.computemarket.billing.application.EntryDraft("it-credit:" + UUID.randomUUID(), "manual-credit",
                "portal fixture", java.util.List.of(
                new com.computemarket.shared.Posting(com.computemarket.shared.AccountRef.platform(
                        com.computemarket.shared.AccountType.MANUAL_CREDITS),
                        com.computemarket.shared.Amount.cpc(1).negate()),
                new com.computemarket.shared.Posting(
                        com.computemarket.shared.AccountRef.available("acme"), com.computemarket.shared.Amount.cpc(1)))));
        Task task = submission.submit(ACME, """
                {"challenge_type":"synthetic","payload":{"seed":"f00d","matrix_size":16,"iterations":1},"reward":"%s"}"""
                .formatted(REWARD), null).task();
        Job job = em.createQuery("select j from Job j where j.taskId = :t", Job.class).setParameter("t", task.id())
                .getSingleResult();
        Instant now = Instant.now();
        Verification v = new Verification(job.id(), 0, task.id(), // attempt 0: a real lease (1, 2, …) gets its own
                UUID.randomUUID(), "cpc1fixture", job.payload(),
                "aa".repeat(32), BLOCK - 3, new byte[32], now);
        v.challenge(BLOCK - 2, "bb".repeat(32), Duration.ofMinutes(1), now);
        v.decide(new Verdict(true, "accepted: 16 rows opened, 256 entries recomputed", 16, 256), 900, now);
        v.askSignature(BigInteger.ZERO, now);
        v.signed(TX_HASH, "{}", now);
        v.relayed(BLOCK - 1, now);
        v.settled(BLOCK, "cc".repeat(32), now);
        em.persist(v);
        return task.id();
    }
}
