package com.computemarket.connector.cli;

import static com.computemarket.connector.cli.KeysCommandTest.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.challenge.synthetic.Opening;
import com.computemarket.connector.backend.BackendChoice;
import com.computemarket.connector.backend.Backends;
import com.computemarket.connector.backend.GpuOpening;
import com.computemarket.connector.backend.JobOutcome;
import com.computemarket.connector.backend.JobRunner;
import com.computemarket.connector.backend.ProgressListener;
import com.computemarket.connector.backend.StageTimed;
import com.computemarket.connector.backend.StageTimes;
import com.computemarket.connector.backend.SyntheticCpuRunner;
import com.computemarket.workerprotocol.WireMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --backend gpu|cpu|auto on run and bench, the GPU's one-line refusals, bench's GPU figures, and gpucheck's verdicts. */
class BackendOptionTest {

    static final String NO_DRIVER = "the GPU backend is unusable: no CUDA driver: libcuda.so.1 was not found (test)";

    @TempDir
    Path home;

    @Test
    void benchPassesTheBackendNamedOnTheCommandLineAnyCase() {
        TestEnv env = new TestEnv(home);
        env.backends = new Backends(Map.of("synthetic", new CommandLineTest.FixedRunner()));
        assertEquals(0, env.execute("bench", "--size", "8").code());
        assertEquals(0, env.execute("bench", "--size", "8", "--backend", "GPU").code());
        assertEquals(0, env.execute("bench", "--size", "8", "--backend", "cpu").code());
        assertEquals(List.of(BackendChoice.AUTO, BackendChoice.GPU, BackendChoice.CPU), env.choices);
    }

    @Test
    void anUnknownBackendIsAUsageErrorOnOneLine() {
        TestEnv.Result r = new TestEnv(home).execute("bench", "--backend", "tpu");
        assertEquals(ExitCodes.USAGE, r.code());
        assertOneLine(r, "--backend");
        assertEquals(ExitCodes.USAGE, new TestEnv(home).execute("run", "--backend").code());
    }

    @Test
    void benchOnTheGpuWithoutADriverIsOneLineAndExit7() {
        TestEnv.Result r = new TestEnv(home).execute("bench", "--backend", "gpu", "--size", "8");
        assertEquals(ExitCodes.BACKEND_UNAVAILABLE, r.code());
        assertOneLine(r, "cannot benchmark: " + NO_DRIVER);
        assertTrue(r.out().isEmpty(), r.out());
    }

    @Test
    void runOnTheGpuWithoutADriverRefusesBeforeTouchingTheKeystore() {
        TestEnv.Result r = new TestEnv(home).execute("run", "--backend", "gpu");
        assertEquals(ExitCodes.BACKEND_UNAVAILABLE, r.code());
        assertOneLine(r, "cannot take synthetic jobs: " + NO_DRIVER);
    }

    @Test
    void benchOnAutoWithoutAGpuSaysSoAndRunsOnTheCpu() {
        TestEnv.Result r = new TestEnv(home).execute("bench", "--size", "16", "--seed", "ab");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("note: GPU backend not used (no CUDA driver: libcuda.so.1 was not found (test)); "
                + "synthetic jobs run on the CPU\n"), r.out());
        assertTrue(r.out().contains("synthetic on the CPU"), r.out());
    }

    @Test
    void benchOnTheGpuPrintsTheProductsTopsAndWhereTheJobsTimeWent() {
        TestEnv env = new TestEnv(home);
        env.gpu = new GpuOpening.Opened(new Timed());
        TestEnv.Result r = env.execute("bench", "--backend", "gpu", "--size", "1024", "--iterations", "2", "--warmup", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("matrix product: 2 × 2·n³ int8 ops in 0.0100 s of kernel time: 0.4 TOPS"), r.out());
        assertTrue(r.out().contains("end to end: generate 0.0010 s, multiply 0.0100 s, hash rows 0.0020 s, copy hashes 0.0001 s, "
                + "commit (Merkle, host) 0.0030 s; job 0.020 s"), r.out());
    }

    @Test
    void gpucheckWithoutAGpuIsOneLineAndExit7() {
        TestEnv.Result r = new TestEnv(home).execute("gpucheck", "--sizes", "16");
        assertEquals(ExitCodes.BACKEND_UNAVAILABLE, r.code());
        assertOneLine(r, "cannot check the GPU backend: no CUDA driver: libcuda.so.1 was not found (test)");
    }

    @Test
    void gpucheckPassesABackendThatComputesWhatTheCpuComputes() {
        TestEnv env = new TestEnv(home);
        env.gpu = new GpuOpening.Opened(new SyntheticCpuRunner(2)); // stands in for the GPU: exactly the CPU's numbers
        TestEnv.Result r = env.execute("gpucheck", "--sizes", "16,40", "--seeds", "ab", "--iterations", "2", "--rows", "8",
                "--full-cpu-up-to", "16");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("n=16 seed=ab iterations 7..8: OK result_hash "), r.out());
        assertTrue(r.out().contains(" = CPU's ("), r.out());
        assertTrue(r.out().contains("n=40 seed=ab iterations 7..8: OK result_hash ") && r.out().contains(" = the other kernel's;"), r.out());
        assertTrue(r.out().contains("8 challenged rows = CPU's, verifier accepts"), r.out());
        assertTrue(r.out().endsWith("gpucheck: 4 of 4 cases bit-identical to the CPU backend\n"), r.out());
    }

    @Test
    void gpucheckFailsABackendWhoseResultHashDiffers() {
        TestEnv env = new TestEnv(home);
        env.gpu = new GpuOpening.Opened(new Altered(h -> "00" + h.substring(2), o -> o));
        TestEnv.Result r = env.execute("gpucheck", "--sizes", "16", "--seeds", "ab", "--kernels", "mma", "--rows", "4");
        assertEquals(ExitCodes.CHECK_FAILED, r.code());
        assertTrue(r.out().contains("FAILED result_hash 00") && r.out().contains("DIFFERS from the CPU's"), r.out());
        assertOneLine(r, "gpucheck: 1 of 1 cases differ from the CPU backend");
    }

    @Test
    void gpucheckFailsABackendWhoseRowsDifferEvenAboveTheFullCpuSize() {
        TestEnv env = new TestEnv(home);
        env.gpu = new GpuOpening.Opened(new Altered(h -> h, o -> o.withValue(0, o.values()[0] + 1)));
        TestEnv.Result r = env.execute("gpucheck", "--sizes", "24", "--seeds", "ab", "--kernels", "mma", "--rows", "4",
                "--full-cpu-up-to", "16");
        assertEquals(ExitCodes.CHECK_FAILED, r.code());
        assertTrue(r.out().contains("4 challenged rows DIFFER from the CPU's in 4 rows, verifier REJECTS"), r.out());
    }

    /** A GPU runner's answers from the CPU runner, with its result_hash and openings passed through a change. */
    static final class Altered implements JobRunner {
        final SyntheticCpuRunner cpu = new SyntheticCpuRunner(2);
        final UnaryOperator<String> hash;
        final UnaryOperator<Opening> opening;

        Altered(UnaryOperator<String> hash, UnaryOperator<Opening> opening) {
            this.hash = hash;
            this.opening = opening;
        }

        @Override
        public JobOutcome run(WireMessage.JobAssignment job, ProgressListener progress) throws InterruptedException {
            return new JobOutcome.Completed(hash.apply(((JobOutcome.Completed) cpu.run(job, progress)).resultHash()), null);
        }

        @Override
        public Optional<List<Opening>> open(UUID jobId, List<Integer> leafIndices) {
            return cpu.open(jobId, leafIndices).map(list -> list.stream().map(opening).toList());
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String describe() {
            return "altered";
        }
    }

    /** A GPU runner as bench sees it: a result and the stage times of the job. */
    static final class Timed implements JobRunner, StageTimed {
        @Override
        public JobOutcome run(WireMessage.JobAssignment job, ProgressListener progress) {
            return new JobOutcome.Completed("ab".repeat(32), null);
        }

        @Override
        public Optional<StageTimes> stageTimes(UUID jobId) {
            return Optional.of(new StageTimes(1024, 2, 0.001, 0.01, 0.002, 0.0001, 0.003, 0.02));
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String describe() {
            return "synthetic on 1 GPU (fake)";
        }
    }

    @Test
    void helpListsGpucheckAndItsExitCode() {
        TestEnv.Result r = new TestEnv(home).execute("--help");
        assertTrue(r.out().contains("gpucheck") && r.out().contains("8     gpucheck: a GPU result differs"), r.out());
    }
}
