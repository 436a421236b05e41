package com.computemarket.challenge.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {

    private static final SyntheticJob JOB = new SyntheticJob("1234abcd5678ef90", 48, 30, 3);
    private static final byte[] NONCE = Generator.sha256(new byte[] {1, 2, 3});
    private static final String BLOCK = "0f".repeat(32);

    private final CpuBackend backend = new CpuBackend();
    private final Verifier verifier = new Verifier();

    /** Every row of the job, honestly computed. */
    private List<int[]> allRows() {
        List<Integer> all = new ArrayList<>();
        for (int l = 0; l < JOB.leafCount(); l++) {
            all.add(l);
        }
        return new ArrayList<>(backend.rows(JOB, all));
    }

    private static List<int[]> challenged(List<int[]> rows, Challenge challenge) {
        return challenge.leafIndices().stream().map(rows::get).toList();
    }

    @Test
    void aCorrectOpeningIsAccepted() {
        ResultCommitment commitment = backend.compute(JOB);
        Challenge challenge = Challenge.derive(JOB, NONCE, BLOCK, commitment.resultHash(), 8, 4);
        List<Opening> openings = commitment.open(challenge, backend.rows(JOB, challenge.leafIndices()));
        Verdict verdict = verifier.verify(JOB, commitment.resultHash(), challenge, openings);
        assertTrue(verdict.accepted(), verdict.reason());
        assertEquals(8, verdict.rowsChecked());
        assertEquals(32, verdict.entriesChecked());
        // the worker's one-call form gives the same openings
        assertEquals(openings, backend.open(commitment, challenge.leafIndices()));
        // order of the openings does not matter
        List<Opening> reversed = new ArrayList<>(openings);
        java.util.Collections.reverse(reversed);
        assertTrue(verifier.verify(JOB, commitment.resultHash(), challenge, reversed).accepted());
    }

    @Test
    void aCommittedRowWithOneWrongEntryIsRejectedWhenSampled() {
        List<int[]> rows = allRows();
        // the cheater commits to a C with one wrong entry in every row, at column 0
        for (int[] row : rows) {
            row[0] += 1;
        }
        ResultCommitment commitment = ResultCommitment.ofRows(JOB, rows);
        Challenge challenge = Challenge.derive(JOB, NONCE, BLOCK, commitment.resultHash(), 4, JOB.matrixSize());
        Verdict verdict = verifier.verify(JOB, commitment.resultHash(), challenge,
                commitment.open(challenge, challenged(rows, challenge)));
        assertFalse(verdict.accepted());
        assertTrue(verdict.reason().contains("][0] = "), verdict.reason());
    }

    @Test
    void aRowChangedAfterTheCommitmentIsRejectedByItsPath() {
        ResultCommitment commitment = backend.compute(JOB);
        Challenge challenge = Challenge.derive(JOB, NONCE, BLOCK, commitment.resultHash(), 8, 4);
        List<Opening> openings = new ArrayList<>(commitment.open(challenge, backend.rows(JOB, challenge.leafIndices())));
        openings.set(3, openings.get(3).withValue(7, openings.get(3).values()[7] ^ 1));
        Verdict verdict = verifier.verify(JOB, commitment.resultHash(), challenge, openings);
        assertFalse(verdict.accepted());
        assertTrue(verdict.reason().contains("Merkle path"), verdict.reason());
    }

    @Test
    void aWrongPathIsRejected() {
        ResultCommitment commitment = backend.compute(JOB);
        Challenge challenge = Challenge.derive(JOB, NONCE, BLOCK, commitment.resultHash(), 8, 4);
        List<Opening> openings = new ArrayList<>(commitment.open(challenge, backend.rows(JOB, challenge.leafIndices())));
        Opening o = openings.get(0);
        List<byte[]> path = new ArrayList<>(o.path());
        path.set(path.size() - 1, new byte[32]);
        openings.set(0, new Opening(o.leafIndex(), o.values(), path));
        assertFalse(verifier.verify(JOB, commitment.resultHash(), challenge, openings).accepted());
        // another row's path
        openings.set(0, new Opening(o.leafIndex(), o.values(), openings.get(1).path()));
        assertFalse(verifier.verify(JOB, commitment.resultHash(), challenge, openings).accepted());
    }

    @Test
    void missingDuplicateAndMalformedOpeningsAreRejected() {
        ResultCommitment commitment = backend.compute(JOB);
        String root = commitment.resultHash();
        Challenge challenge = Challenge.derive(JOB, NONCE, BLOCK, root, 4, 4);
        List<Opening> openings = commitment.open(challenge, backend.rows(JOB, challenge.leafIndices()));
        assertFalse(verifier.verify(JOB, root, challenge, openings.subList(0, 3)).accepted());
        List<Opening> twice = new ArrayList<>(openings.subList(0, 3));
        twice.add(openings.get(0));
        assertTrue(verifier.verify(JOB, root, challenge, twice).reason().contains("twice"));
        Opening o = openings.get(0);
        List<Opening> shortRow = new ArrayList<>(openings);
        shortRow.set(0, new Opening(o.leafIndex(), java.util.Arrays.copyOf(o.values(), 47), o.path()));
        assertFalse(verifier.verify(JOB, root, challenge, shortRow).accepted());
        assertFalse(verifier.verify(JOB, "zz", challenge, openings).accepted());
        // the wire form survives a round trip
        List<Opening> viaHex = openings.stream().map(x -> Opening.ofHex(x.leafIndex(), x.values(), x.pathHex())).toList();
        assertTrue(verifier.verify(JOB, root, challenge, viaHex).accepted());
        List<Opening> viaBase64 = openings.stream()
                .map(x -> Opening.ofBase64(x.leafIndex(), x.valuesBase64(), x.pathHex())).toList();
        assertEquals(openings, viaBase64);
    }
}
