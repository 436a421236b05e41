package com.computemarket.chain.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.Security;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @Test
    void roundTripsThroughAStandardEncryptedPkcs8File(@TempDir Path dir) throws Exception {
        ChainKey key = ChainKey.generate(RANDOM);
        Path file = dir.resolve("worker.pem");
        KeyFile.write(file, key, PASSPHRASE, RANDOM);
        String pem = Files.readString(file);
        assertTrue(pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), pem);
        assertFalse(pem.contains(key.publicKeyHex()));
        assertEquals(key, KeyFile.read(file, PASSPHRASE));
        assertEquals(key.address(), KeyFile.read(file, PASSPHRASE).address());
        assertEquals(null, Security.getProvider("BC"), "the BouncyCastle provider stays unregistered");
    }

    @Test
    void wrongPassphraseSaysSo() {
        String pem = KeyFile.toPem(ChainKey.generate(RANDOM), PASSPHRASE, RANDOM, 1000);
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFile.fromPem(pem, "wrong".toCharArray()));
        assertTrue(e.getMessage().contains("wrong passphrase"), e.getMessage());
    }

    @Test
    void notAKeyFile() {
        assertThrows(KeyFileException.class, () -> KeyFile.fromPem("hello", PASSPHRASE));
        assertThrows(KeyFileException.class, () -> KeyFile.fromPem(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n", PASSPHRASE));
        assertThrows(IllegalArgumentException.class,
                () -> KeyFile.toPem(ChainKey.generate(RANDOM), new char[0], RANDOM));
    }

    @Test
    void faucetKeyRoundTrip() {
        ChainKey faucet = ChainKey.fromHex("4f3edf982522b4e51b7e8b5f2f9c4d1d7a9e5f8c2b6d4e1a3c5b7d9e0f1a2b3c");
        String pem = KeyFile.toPem(faucet, PASSPHRASE, RANDOM, 1000);
        assertEquals("cpc19pup6qpkj492wau7jrnqlglrlskzuvs6ctfq9f", KeyFile.fromPem(pem, PASSPHRASE).address());
    }
}
