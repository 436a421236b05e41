package com.computemarket.connector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.computemarket.chain.crypto.ChainKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

    private static final String HEX = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    @TempDir
    Path home;

    @Test
    void createThenShowGivesTheSameAddressAndNeverThePrivateKey() throws Exception {
        TestEnv env = new TestEnv(home).passphrase("correct horse");
        TestEnv.Result created = env.execute("keys", "create");
        assertEquals(0, created.code(), created.err());
        String address = address(created.out());
        assertTrue(address.startsWith("cpc1"), created.out());
        Path file = home.resolve(".computemarket/worker-key.pem");
        assertTrue(Files.readString(file).contains("ENCRYPTED PRIVATE KEY"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        TestEnv.Result shown = env.execute("keys", "show");
        assertEquals(0, shown.code(), shown.err());
        assertEquals(address, address(shown.out()));
        assertTrue(shown.out().contains("public key: 0"), shown.out());
        assertEquals("", shown.err());
    }

    @Test
    void createRefusesToOverwrite() {
        TestEnv env = new TestEnv(home).passphrase("pw");
        Path file = home.resolve("k.pem");
        assertEquals(0, env.execute("keys", "create", "--keystore", file.toString()).code());
        TestEnv.Result again = env.execute("keys", "create", "--keystore", file.toString());
        assertEquals(ExitCodes.KEYSTORE, again.code());
        assertOneLine(again, "already exists");
    }

    @Test
    void importFromStdinStoresThatKeyAndShowReadsIt() {
        TestEnv env = new TestEnv(home).passphrase("pw");
        env.stdin.add(HEX);
        TestEnv.Result imported = env.execute("keys", "import", "--keystore", home.resolve("w.pem").toString());
        assertEquals(0, imported.code(), imported.err());
        String expected = ChainKey.fromHex(HEX).address();
        assertEquals(expected, address(imported.out()));
        assertFalse(imported.out().contains(HEX));
        assertEquals(expected, address(env.execute("keys", "show", "--keystore", home.resolve("w.pem").toString()).out()));
    }

    @Test
    void importOfSomethingThatIsNotAKeyIsAUsageError() {
        TestEnv env = new TestEnv(home).passphrase("pw");
        env.stdin.add("not-a-key");
        TestEnv.Result r = env.execute("keys", "import");
        assertEquals(ExitCodes.USAGE, r.code());
        assertOneLine(r, "not a private key");
        assertFalse(Files.exists(home.resolve(".computemarket/worker-key.pem")));
    }

    @Test
    void interactiveCreateAsksTwiceAndRefusesDifferentPassphrases() {
        TestEnv env = new TestEnv(home);
        env.terminal = true;
        env.secrets.add("one");
        env.secrets.add("two");
        TestEnv.Result r = env.execute("keys", "create");
        assertEquals(ExitCodes.KEYSTORE, r.code());
        assertOneLine(r, "differ");
        env.secrets.add("same");
        env.secrets.add("same");
        assertEquals(0, env.execute("keys", "create").code());
        env.secrets.add("same");
        assertEquals(0, env.execute("keys", "show").code());
    }

    @Test
    void wrongPassphraseIsOneLineWithoutStackTrace() {
        TestEnv env = new TestEnv(home).passphrase("right");
        assertEquals(0, env.execute("keys", "create").code());
        env.passphrase("wrong");
        TestEnv.Result r = env.execute("keys", "show");
        assertEquals(ExitCodes.KEYSTORE, r.code());
        assertOneLine(r, "wrong passphrase");
    }

    @Test
    void verboseAddsTheStackTrace() {
        TestEnv env = new TestEnv(home).passphrase("right");
        assertEquals(0, env.execute("keys", "create").code());
        env.passphrase("wrong");
        TestEnv.Result r = env.execute("keys", "show", "--verbose");
        assertEquals(ExitCodes.KEYSTORE, r.code());
        assertTrue(r.err().startsWith("error: "));
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void missingKeystoreAndMissingPassphraseAreOneLineEach() {
        TestEnv env = new TestEnv(home);
        TestEnv.Result missing = env.execute("keys", "show");
        assertEquals(ExitCodes.KEYSTORE, missing.code());
        assertOneLine(missing, "no keystore at");

        TestEnv.Result noPass = env.execute("keys", "create");
        assertEquals(ExitCodes.KEYSTORE, noPass.code());
        assertOneLine(noPass, "CM_WORKER_PASSPHRASE");
    }

    static void assertOneLine(TestEnv.Result r, String fragment) {
        String[] lines = r.errLines();
        assertEquals(1, lines.length, "one line expected on stderr, got: " + r.err());
        assertTrue(lines[0].startsWith("error: "), lines[0]);
        assertTrue(lines[0].contains(fragment), lines[0]);
    }

    private static String address(String out) {
        Matcher m = Pattern.compile("address:\\s+(\\S+)").matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }
}
