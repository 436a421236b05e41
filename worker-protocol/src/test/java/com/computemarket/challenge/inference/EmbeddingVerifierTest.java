package com.computemarket.challenge.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EmbeddingVerifierTest {

    static final EmbeddingJob JOB = new EmbeddingJob("all-minilm-l6-v2",
            IntStream.range(0, 37).mapToObj(i -> "sentence number " + i).toList());
    static final byte[] NONCE = new byte[32];
    static final String BLOCK = "ab".repeat(32);

    final FakeModel model = new FakeModel();
    final EmbeddingVerifier verifier = new EmbeddingVerifier(model, Comparison.EXACT);
    final EmbeddingCommitment honest = EmbeddingCommitment.of(JOB, FakeModel.vectors(JOB));
    final EmbeddingChallenge challenge = EmbeddingChallenge.derive(JOB.size(), 6, NONCE, BLOCK, honest.resultHash());

    @Test
    void anHonestJobIsAcceptedAfterOneReexecutionOfTheChallengedItems() {
        Verdict v = verifier.verify(JOB, honest.resultHash(), challenge, honest.open(challenge.indices()));
        assertTrue(v.accepted(), v.reason());
        assertEquals(6, v.itemsReexecuted());
        assertEquals(1, model.calls);
        assertEquals(6, model.itemsEmbedded);
    }

    @Test
    void theWireFormRoundTrips() {
        EmbeddingOpening o = honest.open(challenge.indices().get(0));
        assertEquals(o, EmbeddingOpening.ofBase64(o.index(), o.vectorBase64(), o.pathHex()));
    }

    @Test
    void aVectorOtherThanTheReexecutionIsRejected() {
        List<float[]> vectors = new ArrayList<>(FakeModel.vectors(JOB));
        int victim = challenge.indices().get(2);
        vectors.set(victim, FakeModel.vector("something else", 384));
        EmbeddingCommitment cheat = EmbeddingCommitment.of(JOB, vectors);
        EmbeddingChallenge c = EmbeddingChallenge.derive(JOB.size(), JOB.size(), NONCE, BLOCK, cheat.resultHash());
        Verdict v = verifier.verify(JOB, cheat.resultHash(), c, cheat.open(c.indices()));
        assertFalse(v.accepted());
        assertTrue(v.reason().startsWith("item " + victim + ": vector differs from the re-execution"), v.reason());
    }

    @Test
    void openingAVectorOtherThanTheCommittedOneIsRejectedBeforeAnyReexecution() {
        List<EmbeddingOpening> openings = new ArrayList<>(honest.open(challenge.indices()));
        EmbeddingOpening first = openings.get(0);
        openings.set(0, new EmbeddingOpening(first.index(), FakeModel.vector("other", 384), first.path()));
        Verdict v = verifier.verify(JOB, honest.resultHash(), challenge, openings);
        assertFalse(v.accepted());
        assertTrue(v.reason().contains("do not reach result_hash"), v.reason());
        assertEquals(0, model.calls);
    }

    @Test
    void missingExtraAndDuplicateOpeningsAreRejected() {
        List<EmbeddingOpening> openings = honest.open(challenge.indices());
        assertTrue(verifier.verify(JOB, honest.resultHash(), challenge, openings.subList(1, openings.size()))
                .reason().contains("was not opened"));
        int notChallenged = IntStream.range(0, JOB.size()).filter(i -> !challenge.indices().contains(i)).findFirst().orElseThrow();
        List<EmbeddingOpening> extra = new ArrayList<>(openings);
        extra.add(honest.open(notChallenged));
        assertTrue(verifier.verify(JOB, honest.resultHash(), challenge, extra).reason().contains("not challenged"));
        List<EmbeddingOpening> twice = new ArrayList<>(openings);
        twice.add(openings.get(0));
        assertTrue(verifier.verify(JOB, honest.resultHash(), challenge, twice).reason().contains("opened twice"));
    }

    @Test
    void vectorsThatAreNotUnitOrHaveTheWrongShapeAreRejected() {
        List<float[]> vectors = new ArrayList<>(FakeModel.vectors(JOB));
        vectors.replaceAll(v -> {
            float[] h = v.clone();
            for (int i = 0; i < h.length; i++) {
                h[i] /= 2;
            }
            return h;
        });
        EmbeddingCommitment notUnit = EmbeddingCommitment.of(JOB, vectors);
        EmbeddingChallenge c = EmbeddingChallenge.derive(JOB.size(), 3, NONCE, BLOCK, notUnit.resultHash());
        assertTrue(verifier.verify(JOB, notUnit.resultHash(), c, notUnit.open(c.indices())).reason().contains("is not 1"));

        EmbeddingOpening o = honest.open(challenge.indices().get(0));
        List<EmbeddingOpening> shortOne = new ArrayList<>(honest.open(challenge.indices()));
        shortOne.set(0, new EmbeddingOpening(o.index(), new float[383], o.path()));
        assertTrue(verifier.verify(JOB, honest.resultHash(), challenge, shortOne).reason().contains("383 floats"));
        float[] nan = o.vector();
        nan[5] = Float.NaN;
        shortOne.set(0, new EmbeddingOpening(o.index(), nan, o.path()));
        assertTrue(verifier.verify(JOB, honest.resultHash(), challenge, shortOne).reason().contains("NaN"));
    }

    @Test
    void aCosineRuleToleratesRoundingButNotAnotherVector() {
        List<float[]> vectors = new ArrayList<>(FakeModel.vectors(JOB));
        vectors.replaceAll(v -> {
            float[] w = v.clone();
            w[0] = Math.nextUp(w[0]); // one ulp: what another kernel's summation order gives
            return w;
        });
        EmbeddingCommitment rounded = EmbeddingCommitment.of(JOB, vectors);
        EmbeddingChallenge c = EmbeddingChallenge.derive(JOB.size(), 5, NONCE, BLOCK, rounded.resultHash());
        assertFalse(verifier.verify(JOB, rounded.resultHash(), c, rounded.open(c.indices())).accepted());
        EmbeddingVerifier tolerant = new EmbeddingVerifier(model, Comparison.cosine(1e-4));
        assertTrue(tolerant.verify(JOB, rounded.resultHash(), c, rounded.open(c.indices())).accepted());

        vectors.set(c.indices().get(0), FakeModel.vector("another input", 384));
        EmbeddingCommitment other = EmbeddingCommitment.of(JOB, vectors);
        EmbeddingChallenge c2 = EmbeddingChallenge.derive(JOB.size(), JOB.size(), NONCE, BLOCK, other.resultHash());
        assertTrue(tolerant.verify(JOB, other.resultHash(), c2, other.open(c2.indices())).reason().contains("cosine"));
    }

    @Test
    void theRecordsCanonicalBytesAreIndexInputHashOutputHashAndDimension() {
        ItemRecord r = honest.records().get(3);
        byte[] bytes = r.canonicalBytes();
        assertEquals(ItemRecord.BYTES, bytes.length);
        assertEquals(3, ByteBuffer.wrap(bytes).getInt(0));
        assertEquals(384, ByteBuffer.wrap(bytes).getInt(68));
        assertEquals(Digests.hex(JOB.inputSha256(3)), Digests.hex(Arrays.copyOfRange(bytes, 4, 36)));
    }
}
