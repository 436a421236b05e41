package com.computemarket.connector.backend;

import com.computemarket.challenge.synthetic.Opening;
import com.computemarket.challenge.synthetic.ResultCommitment;
import com.computemarket.challenge.synthetic.RowHash;
import java.util.ArrayList;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.workerprotocol.WireMessage.JobAssignment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What every synthetic backend does around its arithmetic (docs/protocol/synthetic-challenge.md): reads the payload,
 * commits to the result (Merkle root over the row hashes = result_hash), keeps its recent commitments, and answers a
 * challenge by recomputing the challenged rows and opening them against the kept commitment. A backend supplies only
 * the row hashes of a job ({@link #commit}) and the values of some rows ({@link #rows}), so the CPU and the GPU open
 * exactly the same {@link Opening}s.
 */
public abstract class SyntheticRunner implements JobRunner {

    /** Commitments kept for challenges (row hashes only: ~1.3 MB for 10 iterations at n = 4096). */
    static final int KEPT_COMMITMENTS = 32;

    private final Map<UUID, Kept> kept = recent(KEPT_COMMITMENTS);
    private final Cheat cheat;

    /** A synchronized map that keeps the {@code max} entries most recently put or read, dropping the eldest. */
    protected static <K, V> Map<K, V> recent(int max) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        });
    }

    /** A commitment held for challenges, and the rows it fakes (none for an honest runner). */
    private record Kept(ResultCommitment commitment, Set<Integer> faked) {
    }

    /**
     * TESTING ONLY ({@code run --cheat-fraction}): a worker that skips ⌈fraction · L⌉ random rows of each job and
     * commits to zeros in their place, consistently (its openings carry valid Merkle paths), to show that the verifier
     * catches it at the predicted rate. Never used unless asked for.
     */
    public record Cheat(double fraction, Random random) {
        public Cheat {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("the cheat fraction must be in (0, 1]");
            }
        }

        Set<Integer> pick(int leaves) {
            int count = (int) Math.min(leaves, Math.ceil(fraction * leaves));
            Set<Integer> out = new TreeSet<>();
            synchronized (random) {
                while (out.size() < count) {
                    out.add(random.nextInt(leaves));
                }
            }
            return out;
        }
    }

    protected SyntheticRunner() {
        this(null);
    }

    protected SyntheticRunner(Cheat cheat) {
        this.cheat = cheat;
    }

    /** For {@code describe()}: says loudly that this runner cheats. */
    protected String cheatNotice() {
        return cheat == null ? "" : ", CHEATING on " + cheat.fraction() + " of the rows (testing only)";
    }

    /** The job's commitment; InterruptedException when the thread is interrupted between iterations. */
    protected abstract ResultCommitment commit(UUID jobId, SyntheticJob job, ProgressListener progress) throws InterruptedException;

    /** The values of the given leaves (rows) of the job's result, recomputed, in the order asked. */
    protected abstract List<int[]> rows(SyntheticJob job, List<Integer> leafIndices);

    @Override
    public final JobOutcome run(JobAssignment job, ProgressListener progress) throws InterruptedException {
        SyntheticJob synthetic;
        try {
            synthetic = SyntheticJob.fromPayload(job.payload());
        } catch (IllegalArgumentException e) {
            return new JobOutcome.Returned("not a synthetic payload this backend can run: " + e.getMessage());
        }
        progress.progress(0, "multiplying " + synthetic.iterations() + " × n=" + synthetic.matrixSize());
        ResultCommitment commitment;
        try {
            commitment = commit(job.jobId(), synthetic, progress);
        } catch (BackendFailure e) {
            return new JobOutcome.Returned(e.getMessage());
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("stopped while job " + job.jobId() + " ran");
        }
        Kept result = cheat == null ? new Kept(commitment, Set.of()) : faked(commitment);
        kept.put(job.jobId(), result);
        progress.progress(1, "committed");
        return new JobOutcome.Completed(result.commitment().resultHash(), null);
    }

    /** The honest commitment with the cheat's rows replaced by zeros, committed again over the changed leaves. */
    private Kept faked(ResultCommitment honest) {
        SyntheticJob job = honest.job();
        Set<Integer> faked = cheat.pick(job.leafCount());
        byte[] zeroRow = RowHash.of(new int[job.matrixSize()]);
        byte[][] leaves = new byte[job.leafCount()][];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = faked.contains(i) ? zeroRow : honest.rowHash(i);
        }
        return new Kept(ResultCommitment.of(job, leaves), faked);
    }

    @Override
    public final Optional<String> committedResult(UUID jobId) {
        return Optional.ofNullable(kept.get(jobId)).map(k -> k.commitment().resultHash());
    }

    /** Recomputes the challenged rows of a kept commitment (one row costs one row of the product) with their paths. */
    @Override
    public final Optional<List<Opening>> open(UUID jobId, List<Integer> leafIndices) {
        Kept held = kept.get(jobId);
        if (held == null || leafIndices.stream().anyMatch(i -> i < 0 || i >= held.commitment().job().leafCount())) {
            return Optional.empty();
        }
        ResultCommitment commitment = held.commitment();
        List<int[]> rows = new ArrayList<>(rows(commitment.job(), leafIndices));
        for (int q = 0; q < leafIndices.size(); q++) {
            if (held.faked().contains(leafIndices.get(q))) {
                rows.set(q, new int[commitment.job().matrixSize()]);
            }
        }
        return Optional.of(commitment.open(leafIndices, rows));
    }

    @Override
    public boolean available() {
        return true;
    }
}
