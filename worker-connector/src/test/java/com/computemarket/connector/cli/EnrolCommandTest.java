package com.computemarket.connector.cli;

import static com.computemarket.connector.cli.KeysCommandTest.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.computemarket.connector.enrol.GpuDetector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrolCommandTest {

    @TempDir
    Path home;
    FakeServer server;
    TestEnv env;

    @BeforeEach
    void start() throws Exception {
        server = new FakeServer();
        env = new TestEnv(home).passphrase("pw");
        env.vars.put("WORKER_PW", "worker");
        assertEquals(0, env.execute("keys", "create").code());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestEnv.Result enrol(String... extra) {
        String[] base = {"enrol", "--issuer", server.issuer(), "--server", server.server(), "--username", "worker",
                "--password-env", "WORKER_PW", "--no-gpus"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return env.execute(args);
    }

    @Test
    void enrolSignsTheNonceAndCachesTheLoginWithOwnerOnlyPermissions() throws Exception {
        TestEnv.Result r = enrol();
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("enrolled cpc1") && r.out().contains("7d3f1c2e"), r.out());
        assertEquals(1, server.enrolments.size());
        assertEquals("synthetic", server.enrolments.get(0).path("challenge_types").get(0).asText());
        assertEquals(0, server.enrolments.get(0).path("gpus").size());
        Path cache = home.resolve(".computemarket/worker-key.token.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        assertTrue(Files.readString(cache).contains("refresh-"));
    }

    @Test
    void aSecondEnrolUsesTheCachedLogin() {
        assertEquals(0, enrol().code());
        int logins = server.tokenRequests.size();
        env.vars.remove("WORKER_PW"); // would fail if it logged in again
        server.enrolments.clear();
        TestEnv.Result r = env.execute("enrol", "--issuer", server.issuer(), "--server", server.server(), "--no-gpus");
        assertEquals(0, r.code(), r.err());
        assertEquals(logins, server.tokenRequests.size());
    }

    @Test
    void aRefusedEnrolmentShowsTheServersDetailOnOneLine() {
        server.enrolmentOverride = new FakeServer.Answer(409, "{\"type\":\"https://computemarket.dev/problems/address-taken\","
                + "\"title\":\"Conflict\",\"status\":409,\"detail\":\"address cpc1xyz is already enrolled\"}");
        TestEnv.Result r = enrol();
        assertEquals(ExitCodes.REFUSED, r.code());
        assertOneLine(r, "(409 address-taken): address cpc1xyz is already enrolled");
    }

    @Test
    void keycloakRefusingTheLoginIsOneLine() {
        env.vars.put("WORKER_PW", "nope");
        TestEnv.Result r = enrol();
        assertEquals(ExitCodes.LOGIN, r.code());
        assertOneLine(r, "invalid_grant (Invalid user credentials)");
    }

    @Test
    void anUnreachableMarketplaceIsOneLine() {
        TestEnv.Result r = env.execute("enrol", "--issuer", server.issuer(), "--server", "http://127.0.0.1:1", "--username",
                "worker", "--password-env", "WORKER_PW", "--no-gpus");
        assertEquals(ExitCodes.UNREACHABLE, r.code());
        assertOneLine(r, "cannot reach the marketplace at http://127.0.0.1:1");
    }

    @Test
    void gpusParseFromNvidiaSmi() {
        var gpus = GpuDetector.parse("NVIDIA H100 80GB HBM3, 81559, 9.0, 550.54.15\nNVIDIA RTX 4090, 24564, 8.9, 550.54.14\n[N/A], x, y, z\n");
        assertEquals(2, gpus.size());
        assertEquals("NVIDIA H100 80GB HBM3", gpus.get(0).get("model"));
        assertEquals(81559, gpus.get(0).get("memory_mb"));
        assertEquals("9.0", gpus.get(0).get("compute_capability"));
        assertEquals("550.54.14", gpus.get(1).get("driver"));
    }
}
