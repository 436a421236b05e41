package com.computemarket.connector.cli;

import static com.computemarket.connector.cli.KeysCommandTest.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.connector.backend.Backends;
import com.computemarket.connector.backend.UnavailableBackend;
import com.computemarket.connector.backend.JobOutcome;
import com.computemarket.connector.backend.JobRunner;
import com.computemarket.connector.backend.ProgressListener;
import com.computemarket.workerprotocol.WireMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path home;

    @Test
    void noCommandIsAUsageErrorOnOneLine() {
        TestEnv.Result r = new TestEnv(home).execute();
        assertEquals(ExitCodes.USAGE, r.code());
        assertOneLine(r, "a command is required");
    }

    @Test
    void unknownOptionIsAUsageErrorOnOneLine() {
        TestEnv.Result r = new TestEnv(home).execute("keys", "show", "--frobnicate");
        assertEquals(ExitCodes.USAGE, r.code());
        assertOneLine(r, "--frobnicate");
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        TestEnv.Result r = new TestEnv(home).execute("--help");
        assertEquals(0, r.code());
        for (String s : List.of("keys", "login", "enrol", "run", "bench", "Exit codes", "130")) {
            assertTrue(r.out().contains(s), s + " in " + r.out());
        }
    }

    @Test
    void benchWithThePlaceholderSaysTheBackendIsNotAvailable() {
        TestEnv env = new TestEnv(home);
        env.backends = new Backends(Map.of("synthetic", UnavailableBackend.notInThisBuild("synthetic")));
        TestEnv.Result r = env.execute("bench", "--size", "64");
        assertEquals(ExitCodes.BACKEND_UNAVAILABLE, r.code());
        assertOneLine(r, "synthetic backend not available in this build");
    }

    @Test
    void benchRefusesABadSize() {
        TestEnv.Result r = new TestEnv(home).execute("bench", "--size", "0");
        assertEquals(ExitCodes.USAGE, r.code());
        assertOneLine(r, "matrix_size");
    }

    @Test
    void benchTimesAnAvailableBackend() {
        TestEnv env = new TestEnv(home);
        env.backends = new Backends(Map.of("synthetic", new FixedRunner()));
        TestEnv.Result r = env.execute("bench", "--size", "8", "--seed", "abcd");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("matrix_size 8") && r.out().contains("result_hash 00ff"), r.out());
    }

    @Test
    void benchRunsTheBuiltInCpuBackendAndPrintsTheChallengesResultHash() {
        TestEnv.Result r = new TestEnv(home).execute("bench", "--size", "64", "--iterations", "1", "--seed", "abcd");
        assertEquals(0, r.code(), r.err());
        String expected = new com.computemarket.challenge.synthetic.CpuBackend()
                .compute(new com.computemarket.challenge.synthetic.SyntheticJob("abcd", 64, 0, 1)).resultHash();
        assertTrue(r.out().contains("synthetic on the CPU") && r.out().contains("result_hash " + expected), r.out());
    }

    @Test
    void runWithThePlaceholderRefusesBeforeAskingForAnything() {
        TestEnv env = new TestEnv(home);
        env.backends = new Backends(Map.of("synthetic", UnavailableBackend.notInThisBuild("synthetic")));
        TestEnv.Result r = env.execute("run");
        assertEquals(ExitCodes.BACKEND_UNAVAILABLE, r.code());
        assertOneLine(r, "synthetic backend not available in this build");
    }

    @Test
    void runWithoutALoginSaysSo() {
        TestEnv env = new TestEnv(home).passphrase("pw");
        env.backends = new Backends(Map.of("synthetic", new FixedRunner()));
        assertEquals(0, env.execute("keys", "create").code());
        TestEnv.Result r = env.execute("run", "--issuer", "http://127.0.0.1:1/realms/x");
        assertEquals(ExitCodes.LOGIN, r.code());
        assertOneLine(r, "not logged in");
    }

    @Test
    void runRefusesABadCapacity() {
        TestEnv.Result r = new TestEnv(home).execute("run", "--capacity", "0");
        assertEquals(ExitCodes.USAGE, r.code());
        assertOneLine(r, "--capacity");
    }

    @Test
    void loginToAnUnreachableKeycloakIsOneLine() {
        TestEnv env = new TestEnv(home);
        env.vars.put("PW", "secret");
        TestEnv.Result r = env.execute("login", "--issuer", "http://127.0.0.1:1/realms/computemarket", "--username", "worker",
                "--password-env", "PW");
        assertEquals(ExitCodes.UNREACHABLE, r.code());
        assertOneLine(r, "cannot reach Keycloak at http://127.0.0.1:1");
    }

    @Test
    void aBadServerUrlIsAUsageError() {
        TestEnv.Result r = new TestEnv(home).execute("enrol", "--server", "ftp://x");
        assertEquals(ExitCodes.USAGE, r.code());
        assertOneLine(r, "--server");
    }

    /** A backend that answers at once with a fixed hash. */
    static final class FixedRunner implements JobRunner {
        @Override
        public JobOutcome run(WireMessage.JobAssignment job, ProgressListener progress) {
            return new JobOutcome.Completed("00ff", null);
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String describe() {
            return "fixed";
        }
    }
}
