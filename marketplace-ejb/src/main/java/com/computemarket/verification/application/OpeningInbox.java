package com.computemarket.verification.application;

import com.computemarket.challenge.synthetic.Opening;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The openings of each challenged result, collected frame by frame until every challenged row is there, with what
 * the first frame established (whose result, which rows), so that the other frames need neither the database nor
 * the challenge's derivation. Memory only: after a restart the worker is sent the challenge again on reconnect and
 * opens the rows again.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OpeningInbox {

    /** The challenge a job's frames answer: its verification, the worker that owes it, the rows to open. */
    public record Expected(UUID verificationId, UUID workerId, Set<Integer> leaves) {
        public Expected {
            leaves = Set.copyOf(leaves);
        }
    }

    private static final class Pending {
        final Expected expected;
        final Map<Integer, Opening> rows = new TreeMap<>();

        Pending(Expected expected) {
            this.expected = expected;
        }
    }

    private final Map<UUID, Pending> byJob = new ConcurrentHashMap<>();

    /** What an earlier frame of this job established, while its rows are being collected. */
    public Optional<Expected> expected(UUID jobId) {
        Pending pending = byJob.get(jobId);
        return pending == null ? Optional.empty() : Optional.of(pending.expected);
    }

    /** Adds one row; answers all of them, in leaf order, once every expected row is there (and forgets the job). */
    public Optional<List<Opening>> add(UUID jobId, Expected expected, Opening opening) {
        Pending pending = byJob.computeIfAbsent(jobId, id -> new Pending(expected));
        synchronized (pending) {
            pending.rows.put(opening.leafIndex(), opening);
            if (!pending.rows.keySet().containsAll(pending.expected.leaves())) {
                return Optional.empty();
            }
            byJob.remove(jobId, pending);
            return Optional.of(new ArrayList<>(pending.rows.values()));
        }
    }

    public void drop(UUID jobId) {
        byJob.remove(jobId);
    }
}
