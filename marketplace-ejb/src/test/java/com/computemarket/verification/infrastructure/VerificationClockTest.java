package com.computemarket.verification.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.challenge.synthetic.Verdict;
import com.computemarket.verification.application.ResultChain;
import com.computemarket.verification.application.VerificationSettings;
import com.computemarket.verification.application.VerificationSteps;
import com.computemarket.verification.domain.Verification;
import com.computemarket.verification.domain.VerificationStatus;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The verification clock's decisions against an in-memory L1 and recorded steps: challenges only on a block after the
 * commitment, one signature request per worker at a time with the node's pending nonce, and every way a relay can
 * fail sends the result back for a fresh signature (so the worker's next transaction fills the nonce: no gap).
 */
class VerificationClockTest {

    static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");
    static final String PAYLOAD = "{\"seed\":\"ab\",\"matrix_size\":16,\"iterations\":1}";

    final FakeChain chain = new FakeChain();
    final FakeSteps steps = new FakeSteps();
    final VerificationClock clock = new VerificationClock();
    final List<UUID> begunJobs = new ArrayList<>();
    final com.computemarket.verification.application.ResultVerification begun =
            new com.computemarket.verification.application.ResultVerification() {
                @Override
                public void begin(UUID jobId) {
                    begunJobs.add(jobId);
                }
            };

    VerificationClockTest() {
        clock.steps = steps;
        clock.chain = chain;
        clock.clock = Clock.fixed(T0, ZoneOffset.UTC);
        clock.verification = begun;
        clock.settings = new VerificationSettings() {
            @Override public Duration responseTime() { return Duration.ofSeconds(60); }
            @Override public Duration signTime() { return Duration.ofSeconds(60); }
            @Override public Duration poll() { return Duration.ofSeconds(1); }
            @Override public Duration rebroadcast() { return Duration.ofSeconds(30); }
        };
    }

    Verification committed(UUID worker, String address, Long head) {
        Verification v = new Verification(UUID.randomUUID(), 1, UUID.randomUUID(), worker, address, PAYLOAD, "aa".repeat(32),
                head, new byte[32], T0.minusSeconds(5));
        steps.all.add(v);
        return v;
    }

    Verification accepted(UUID worker, String address) {
        Verification v = committed(worker, address, 10L);
        v.challenge(11, "bb".repeat(32), Duration.ofSeconds(60), T0.minusSeconds(5));
        v.decide(new Verdict(true, "ok", 16, 256), 1, T0.minusSeconds(5));
        return v;
    }

    @Test
    void theChallengeWaitsForABlockAfterTheCommitment() {
        Verification v = committed(UUID.randomUUID(), "cpc1a", 10L);
        chain.head = 10;
        clock.pass();
        assertEquals(VerificationStatus.AWAITING_BLOCK, v.status());
        chain.head = 12;
        clock.pass();
        assertEquals(VerificationStatus.CHALLENGED, v.status());
        assertEquals(11L, v.challengeHeight(), "the first block after the commitment, not the head");
        assertEquals(chain.hash(11), v.challengeBlockHash());
    }

    @Test
    void aCommitmentThatArrivedWhileTheL1WasDownTakesTheHeadWhenItIsBack() {
        Verification v = committed(UUID.randomUUID(), "cpc1a", null);
        chain.head = 30;
        clock.pass();
        assertEquals(30L, v.commitHeight(), "the head once the node answers: still after the commitment");
        assertEquals(VerificationStatus.AWAITING_BLOCK, v.status());
        chain.head = 31;
        clock.pass();
        assertEquals(31L, v.challengeHeight());
    }

    @Test
    void aSubmittedResultWhoseMessageWasLostIsVerifiedAnyway() {
        UUID lost = UUID.randomUUID();
        steps.unverified.add(lost);
        clock.pass();
        assertEquals(List.of(lost), begunJobs);
        clock.pass();
        assertEquals(List.of(lost), begunJobs, "swept once a minute, not every pass");
    }

    @Test
    void eachWorkerSignsOneResultAtATimeWithTheNodesPendingNonce() {
        UUID w = UUID.randomUUID();
        Verification first = accepted(w, "cpc1w");
        Verification second = accepted(w, "cpc1w");
        Verification other = accepted(UUID.randomUUID(), "cpc1o");
        chain.pending.put("cpc1w", BigInteger.valueOf(7));
        chain.pending.put("cpc1o", BigInteger.valueOf(2));
        clock.pass();
        assertEquals(VerificationStatus.SIGNING, first.status());
        assertEquals(BigInteger.valueOf(7), first.txNonce());
        assertEquals(VerificationStatus.ACCEPTED, second.status(), "waits until the first one's nonce is spent");
        assertEquals(BigInteger.valueOf(2), other.txNonce());

        first.signed("cc".repeat(32), "{\"signed\":1}", T0);
        chain.relay = new ResultChain.Relay.Sent(20);
        chain.committed.put("cc".repeat(32), new ResultChain.Committed(21, "dd".repeat(32), true));
        clock.pass(); // relayed, then found in a block in the same pass
        assertEquals(VerificationStatus.SETTLED, first.status());
        assertEquals(21L, first.blockHeight());
        chain.pending.put("cpc1w", BigInteger.valueOf(8));
        clock.pass();
        assertEquals(BigInteger.valueOf(8), second.txNonce(), "the next result takes the next nonce");
    }

    @Test
    void aRefusedRelayIsSignedAgainLaterWithTheNonceReadAfresh() {
        Verification v = accepted(UUID.randomUUID(), "cpc1w");
        chain.pending.put("cpc1w", BigInteger.valueOf(3));
        clock.pass();
        v.signed("cc".repeat(32), "{}", T0);
        chain.relay = new ResultChain.Relay.Refused("insufficient_balance", "no gas");
        clock.pass();
        assertEquals(VerificationStatus.ACCEPTED, v.status());
        assertNull(v.txNonce());
        assertTrue(v.relayProblem().startsWith("insufficient_balance"), v.relayProblem());
        clock.pass();
        assertEquals(VerificationStatus.ACCEPTED, v.status(), "a refused result waits cm.verification.rebroadcast");
        clock.clock = Clock.fixed(T0.plusSeconds(31), ZoneOffset.UTC);
        clock.pass();
        assertEquals(VerificationStatus.SIGNING, v.status());
    }

    @Test
    void aRelayedResultWhoseNonceWasSpentElsewhereIsProvenDeadAndSignedAgain() {
        Verification v = accepted(UUID.randomUUID(), "cpc1w");
        chain.pending.put("cpc1w", BigInteger.valueOf(3));
        clock.pass();
        v.signed("cc".repeat(32), "{}", T0);
        chain.relay = new ResultChain.Relay.Sent(20);
        clock.pass();
        assertEquals(VerificationStatus.RELAYED, v.status());
        clock.pass();
        assertEquals(VerificationStatus.RELAYED, v.status(), "not in a block yet, nonce not spent: wait");
        chain.confirmed.put("cpc1w", BigInteger.valueOf(4)); // the worker's own transaction took nonce 3
        clock.pass();
        assertEquals(VerificationStatus.ACCEPTED, v.status());
        assertTrue(v.relayProblem().startsWith("proven dead"), v.relayProblem());
    }

    @Test
    void nonceTooLowSettlesWhenAnEarlierCopyLandedAndIsSignedAgainOtherwise() {
        Verification landed = accepted(UUID.randomUUID(), "cpc1a");
        Verification lost = accepted(UUID.randomUUID(), "cpc1b");
        clock.pass();
        landed.signed("11".repeat(32), "{}", T0);
        lost.signed("22".repeat(32), "{}", T0);
        chain.relay = new ResultChain.Relay.Refused("nonce_too_low", "");
        chain.committed.put("11".repeat(32), new ResultChain.Committed(30, "ee".repeat(32), true));
        clock.pass();
        assertEquals(VerificationStatus.SETTLED, landed.status());
        assertEquals(VerificationStatus.ACCEPTED, lost.status());
    }

    static final class FakeChain implements ResultChain {
        long head = 100;
        Map<String, BigInteger> pending = new HashMap<>();
        Map<String, BigInteger> confirmed = new HashMap<>();
        Map<String, Committed> committed = new HashMap<>();
        Relay relay = new Relay.Unreachable("down");

        String hash(long height) {
            return String.format("%064x", height);
        }

        @Override public long head() { return head; }
        @Override public Optional<String> blockHash(long height) { return height <= head ? Optional.of(hash(height)) : Optional.empty(); }
        @Override public BigInteger pendingNonce(String address) { return pending.getOrDefault(address, BigInteger.ZERO); }
        @Override public BigInteger confirmedNonce(String address) { return confirmed.getOrDefault(address, BigInteger.ZERO); }
        @Override public BigInteger gasPrice() { return BigInteger.valueOf(1000); }
        @Override public Relay relay(String json) { return relay; }
        @Override public Optional<Committed> findCommitted(String txHash, long fromHeight) { return Optional.ofNullable(committed.get(txHash)); }
        @Override public Map<String, Committed> findAllCommitted(Collection<String> txHashes, long fromHeight) {
            Map<String, Committed> found = new HashMap<>();
            txHashes.forEach(h -> findCommitted(h, fromHeight).ifPresent(c -> found.put(h, c)));
            return found;
        }
    }

    /** The recorded steps, on entities in memory (the real ones lock rows and commit each step). */
    static final class FakeSteps extends VerificationSteps {
        final List<Verification> all = new ArrayList<>();
        final List<UUID> unverified = new ArrayList<>();

        private Verification find(UUID id) {
            return all.stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
        }

        @Override public List<Verification> inStatus(VerificationStatus status, int limit) {
            return all.stream().filter(v -> v.status() == status).toList();
        }
        @Override public List<UUID> workersHoldingNonce() {
            return all.stream().filter(v -> v.status().holdsNonce()).map(Verification::workerId).distinct().toList();
        }
        @Override public List<UUID> unverifiedResults(Instant before, int limit) { return List.copyOf(unverified); }
        @Override public void headKnown(UUID id, long height) { find(id).headKnown(height, T0); }
        @Override public void challenge(UUID id, long height, String blockHash) { find(id).challenge(height, blockHash, Duration.ofSeconds(60), T0); }
        @Override public void timeOut(UUID id) { find(id).timeOut(T0); }
        @Override public void askSignature(UUID id, BigInteger nonce, BigInteger gasPrice) { find(id).askSignature(nonce, T0); }
        @Override public void signatureOverdue(UUID id) { find(id).retrySignature("overdue", T0); }
        @Override public void relayed(UUID id, long height) { find(id).relayed(height, T0); }
        @Override public void retrySignature(UUID id, String problem) { find(id).retrySignature(problem, T0); }
        @Override public void settle(UUID id, ResultChain.Committed c) { find(id).settled(c.height(), c.blockHash(), T0); }
        @Override public void abandon(UUID id, String reason) { find(id).abandon(reason, T0); }
    }
}
