package com.computemarket.connector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code models verify} on a local cache, and {@code run} refusing inference without a cached model. */
class ModelsCommandTest {

    @TempDir
    Path home;

    private Path seed(byte[] content) throws Exception {
        Path cache = home.resolve(".computemarket").resolve("models");
        Files.createDirectories(cache);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Files.write(cache.resolve(sha), content);
        Files.writeString(cache.resolve("m.json"), "{\"id\":\"m\",\"kind\":\"text-generation\",\"files\":[{\"role\":\"weights\","
                + "\"sha256\":\"" + sha + "\",\"size\":" + content.length + "}]}");
        return cache.resolve(sha);
    }

    @Test
    void verifySaysGoodForAnIntactCacheAndExit8ForACorruptFile() throws Exception {
        Path file = seed("weights".getBytes(StandardCharsets.UTF_8));
        TestEnv.Result ok = new TestEnv(home).execute("models", "verify");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("m weights") && ok.out().contains(" good"), ok.out());

        Files.writeString(file, "WEIGHTS"); // same size, other bytes
        TestEnv.Result bad = new TestEnv(home).execute("models", "verify", "m");
        assertEquals(ExitCodes.CHECK_FAILED, bad.code());
        assertTrue(bad.out().contains("BAD"), bad.out());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
    }

    @Test
    void verifyOfAModelNotCachedIsAUsageError() {
        TestEnv env = new TestEnv(home);
        env.vars.put(ModelOptions.VARIABLE, home.resolve("elsewhere").toString());
        TestEnv.Result r = env.execute("models", "verify", "nope");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("not in the cache"), r.err());
    }

    @Test
    void runRefusesInferenceWithoutACachedModel() {
        TestEnv.Result r = new TestEnv(home).execute("run", "--challenge-types", "inference",
                "--models-dir", home.resolve("empty").toString());
        assertEquals(ExitCodes.BACKEND_UNAVAILABLE, r.code());
        assertTrue(r.err().contains("no model in the cache"), r.err());
    }

    @Test
    void modelsHelpListsTheSubcommands() {
        TestEnv.Result r = new TestEnv(home).execute("models", "--help");
        assertEquals(0, r.code());
        for (String s : new String[] {"list", "pull", "verify"}) {
            assertTrue(r.out().contains(s), r.out());
        }
    }
}
