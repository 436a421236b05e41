package com.computemarket.connector.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.challenge.synthetic.Challenge;
import com.computemarket.challenge.synthetic.Opening;
import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.challenge.synthetic.Verifier;
import com.computemarket.workerprotocol.WireCodec;
import com.computemarket.workerprotocol.WireMessage;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The CPU runner computes a job, keeps its commitment, and answers a challenge with openings the verifier accepts. */
class SyntheticCpuRunnerTest {

    final SyntheticCpuRunner runner = new SyntheticCpuRunner(2);
    final WireCodec codec = new WireCodec();

    WireMessage.JobAssignment job(String payload) throws Exception {
        return new WireMessage.JobAssignment(UUID.randomUUID(), UUID.randomUUID(), "synthetic",
                JsonMapper.builder().build().readTree(payload), Instant.now().plusSeconds(60).toString());
    }

    @Test
    void openingsSentOverTheWireAreAcceptedByTheVerifier() throws Exception {
        WireMessage.JobAssignment assignment = job("{\"seed\":\"1234abcd\",\"matrix_size\":48,\"iterations\":2,\"first_iteration\":0}");
        String resultHash = ((JobOutcome.Completed) runner.run(assignment, ProgressListener.NONE)).resultHash();
        SyntheticJob job = SyntheticJob.fromPayload(assignment.payload());
        Challenge challenge = Challenge.derive(job, new byte[32], "ab".repeat(32), resultHash);

        List<Opening> openings = runner.open(assignment.jobId(), challenge.leafIndices()).orElseThrow();
        // as the server would read them back from the worker's frames
        List<Opening> received = openings.stream()
                .map(o -> (WireMessage.RowOpening) codec.decode(codec.encode(new WireMessage.RowOpening(
                        assignment.jobId(), o.leafIndex(), o.valuesBase64(), o.pathHex()))))
                .map(f -> Opening.ofBase64(f.leafIndex(), f.values(), f.path())).toList();

        assertTrue(new Verifier().verify(job, resultHash, challenge, received).accepted());
        assertEquals(challenge.leafIndices().size(), received.size());
    }

    @Test
    void aJobNotComputedHereOrALeafOutOfRangeIsNotOpened() throws Exception {
        WireMessage.JobAssignment assignment = job("{\"seed\":\"ab\",\"matrix_size\":16,\"iterations\":1}");
        runner.run(assignment, ProgressListener.NONE);

        assertFalse(runner.open(UUID.randomUUID(), List.of(0)).isPresent());
        assertFalse(runner.open(assignment.jobId(), List.of(16)).isPresent());
        assertTrue(runner.open(assignment.jobId(), List.of(15)).isPresent());
    }

    @Test
    void theChallengeMessageRefusesAnEmptyOrNegativeRowList() {
        String base = "{\"type\":\"challenge\",\"job_id\":\"" + UUID.randomUUID() + "\",\"challenge_type\":\"synthetic\",\"block_hash\":\"ab\",\"leaf_indices\":";
        assertTrue(codec.decode(base + "[1,2]}") instanceof WireMessage.ChallengeRows);
        for (String bad : List.of("[]}", "[-1]}")) {
            try {
                codec.decode(base + bad);
                throw new AssertionError("accepted " + bad);
            } catch (com.computemarket.workerprotocol.WireFormatException expected) {
                assertTrue(expected.getMessage().contains("leaf_indices"), expected.getMessage());
            }
        }
    }
}
