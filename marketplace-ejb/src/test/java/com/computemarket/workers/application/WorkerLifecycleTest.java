package com.computemarket.workers.application;

import static com.computemarket.workers.application.WorkerEnrolmentTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.crypto.Hashes;
import com.computemarket.shared.Caller;
import com.computemarket.shared.WorkerId;
import com.computemarket.workers.domain.EnrolmentMessage;
import com.computemarket.workers.domain.Worker;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reputation, suspension and who sees which worker, on enrolled workers. */
class WorkerLifecycleTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Fakes.Context ctx = new Fakes.Context();
    private final Caller alice = Fakes.caller("sub-alice", Caller.WORKER);
    private final Caller bob = Fakes.caller("sub-bob", Caller.WORKER);
    private final Caller admin = Fakes.caller("sub-admin", Caller.ADMIN);
    private final Caller finance = Fakes.caller("sub-finance", Caller.FINANCE);
    private final Caller customer = Fakes.caller("sub-customer", Caller.CUSTOMER);

    @Test
    void aSuccessAddsFiveUpToAThousand() {
        UUID id = enrol(alice).id();
        ctx.reputation.recordSuccess(WorkerId.of(id));
        assertEquals(505, worker(id).reputation());

        for (int i = 0; i < 200; i++) {
            ctx.reputation.recordSuccess(WorkerId.of(id));
        }
        assertEquals(1000, worker(id).reputation());
        assertEquals(201, worker(id).successes());
    }

    @Test
    void aFailureTakesFiftyDownToZero() {
        ctx.settings.suspendAfterFailures = 0; // never suspend, to reach the floor
        UUID id = enrol(alice).id();
        ctx.reputation.recordFailure(WorkerId.of(id), "wrong row 7");
        assertEquals(450, worker(id).reputation());

        for (int i = 0; i < 20; i++) {
            ctx.reputation.recordFailure(WorkerId.of(id), "wrong");
        }
        assertEquals(0, worker(id).reputation());
        assertEquals(21, worker(id).failures());
        assertEquals("ACTIVE", worker(id).status().name());
    }

    @Test
    void threeFailuresInARowSuspendWithTheReason() {
        UUID id = enrol(alice).id();
        ctx.reputation.recordFailure(WorkerId.of(id), "a");
        ctx.reputation.recordFailure(WorkerId.of(id), "b");
        assertEquals("ACTIVE", worker(id).status().name());
        assertEquals(List.of(), ctx.disconnected);

        ctx.reputation.recordFailure(WorkerId.of(id), "opening of row 12 wrong");
        // it takes no more work: its connection is closed
        assertEquals(List.of(id + ": suspended: 3 consecutive failures; last: opening of row 12 wrong"), ctx.disconnected);

        assertEquals("SUSPENDED", worker(id).status().name());
        assertEquals("3 consecutive failures; last: opening of row 12 wrong", worker(id).suspensionReason());
        assertEquals(ctx.clock.now, worker(id).suspendedAt());
        assertEquals(350, worker(id).reputation());
        assertRefused(409, "worker-suspended", () -> ctx.directory.requireConnectable("sub-alice", worker(id).address()));
    }

    @Test
    void aSuccessBreaksTheRun() {
        UUID id = enrol(alice).id();
        ctx.reputation.recordFailure(WorkerId.of(id), "a");
        ctx.reputation.recordFailure(WorkerId.of(id), "b");
        ctx.reputation.recordSuccess(WorkerId.of(id));
        ctx.reputation.recordFailure(WorkerId.of(id), "c");
        ctx.reputation.recordFailure(WorkerId.of(id), "d");

        assertEquals("ACTIVE", worker(id).status().name());
        assertEquals(4, worker(id).failures());
    }

    @Test
    void theThresholdIsConfigurable() {
        ctx.settings.suspendAfterFailures = 1;
        UUID id = enrol(alice).id();
        ctx.reputation.recordFailure(WorkerId.of(id), "once");
        assertEquals("SUSPENDED", worker(id).status().name());
    }

    @Test
    void reputationOfAnUnknownWorkerIs404() {
        assertRefused(404, "worker-not-found", () -> ctx.reputation.recordSuccess(WorkerId.of(UUID.randomUUID())));
    }

    @Test
    void anAdminSuspendsAndResumes() {
        UUID id = enrol(alice).id();

        WorkerDetails suspended = ctx.suspension.suspend(admin, id, "  hardware under investigation ");
        assertEquals("SUSPENDED", suspended.status());
        assertEquals("hardware under investigation", suspended.suspensionReason());
        assertRefused(409, "worker-already-suspended", () -> ctx.suspension.suspend(admin, id, "again"));

        WorkerDetails resumed = ctx.suspension.resume(admin, id);
        assertEquals("ACTIVE", resumed.status());
        assertNull(resumed.suspensionReason());
        assertEquals("ACTIVE", ctx.suspension.resume(admin, id).status(), "resuming again is harmless");
    }

    @Test
    void resumingClearsTheRunOfFailures() {
        UUID id = enrol(alice).id();
        for (int i = 0; i < 3; i++) {
            ctx.reputation.recordFailure(WorkerId.of(id), "x");
        }
        ctx.suspension.resume(admin, id);
        ctx.reputation.recordFailure(WorkerId.of(id), "y");
        assertEquals("ACTIVE", worker(id).status().name());
    }

    @Test
    void onlyAnAdminSuspends() {
        UUID id = enrol(alice).id();
        assertRefused(403, "admin-only", () -> ctx.suspension.suspend(alice, id, "mine"));
        assertRefused(403, "admin-only", () -> ctx.suspension.resume(finance, id));
        assertRefused(400, "invalid-reason", () -> ctx.suspension.suspend(admin, id, " "));
        assertRefused(404, "worker-not-found", () -> ctx.suspension.suspend(admin, UUID.randomUUID(), "x"));
        assertEquals("ACTIVE", worker(id).status().name());
    }

    @Test
    void anOperatorSeesItsOwnFinanceAndAdminSeeAll() {
        WorkerDetails a = enrol(alice);
        WorkerDetails b = enrol(bob);

        assertEquals(List.of(a.id()), ids(ctx.directory.list(alice, 100, 0)));
        assertEquals(List.of(b.id()), ids(ctx.directory.list(bob, 100, 0)));
        assertEquals(Set.of(a.id(), b.id()), Set.copyOf(ids(ctx.directory.list(finance, 100, 0))));
        assertEquals(2, ctx.directory.list(admin, 1, 0).total());
        assertEquals(1, ctx.directory.list(admin, 1, 1).workers().size());
        assertRefused(403, "not-a-worker-operator", () -> ctx.directory.list(customer, 100, 0));
        assertRefused(400, "invalid-page", () -> ctx.directory.list(admin, 0, 0));

        assertEquals(a.id(), ctx.directory.show(alice, a.id()).id());
        assertEquals(a.id(), ctx.directory.show(finance, a.id()).id());
        assertRefused(404, "worker-not-found", () -> ctx.directory.show(bob, a.id()));
        assertRefused(404, "worker-not-found", () -> ctx.directory.show(customer, a.id()));
    }

    @Test
    void theDirectoryAnswersOtherContexts() {
        WorkerDetails a = enrol(alice);

        WorkerProfile profile = ctx.directory.require(WorkerId.of(a.id()));
        assertEquals(new WorkerProfile(a.id(), "sub-alice", a.address(), Set.of("synthetic"), "ACTIVE", 500), profile);
        assertEquals(profile, ctx.directory.requireConnectable("sub-alice", a.address()));
        assertEquals(List.of(profile), ctx.directory.ofOperator("sub-alice"));
        assertTrue(ctx.directory.ofOperator("sub-bob").isEmpty());
        assertRefused(403, "worker-not-yours", () -> ctx.directory.requireConnectable("sub-bob", a.address()));
        assertRefused(404, "worker-not-enrolled", () -> ctx.directory.requireConnectable("sub-alice", ChainKey.generate(RANDOM).address()));
        assertRefused(404, "worker-not-found", () -> ctx.directory.require(WorkerId.of(UUID.randomUUID())));
    }

    private WorkerDetails enrol(Caller operator) {
        ChainKey key = ChainKey.generate(RANDOM);
        String nonce = ctx.enrolment.issueChallenge(operator, key.address()).nonce();
        byte[] digest = Hashes.sha256(EnrolmentMessage.bytes(operator.subject(), key.address(), nonce));
        return ctx.enrolment.enrol(operator, new EnrolWorker(key.address(), key.publicKeyHex(),
                HexFormat.of().formatHex(key.sign(digest)), nonce, List.of(), List.of("synthetic")));
    }

    private Worker worker(UUID id) {
        return ctx.workers.byId.get(id);
    }

    private static List<UUID> ids(WorkerPage page) {
        return page.workers().stream().map(WorkerDetails::id).toList();
    }
}
