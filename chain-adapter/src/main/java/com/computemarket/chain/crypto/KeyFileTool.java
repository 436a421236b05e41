package com.computemarket.chain.crypto;

import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Command line for wallet key files (encrypted PKCS#8 PEM, see {@link KeyFile}). The passphrase comes from
 * {@code CM_WALLET_PASSPHRASE} or, when that is unset, from a prompt; it is never an argument, so it stays
 * out of shell history and process lists.
 * <pre>
 *   create FILE                  a fresh key; prints its address
 *   address FILE                 prints the address of the key in FILE
 * </pre>
 * Command lines that write a known key (devnet-node's faucet key) use {@link #write}.
 */
public final class KeyFileTool {

    private KeyFileTool() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            fail("usage: KeyFileTool create|address FILE");
        }
        Path file = Path.of(args[1]);
        try {
            switch (args[0]) {
                case "create" -> System.out.println(write(file, ChainKey.generate(new SecureRandom())));
                case "address" -> System.out.println(KeyFile.read(file, passphrase()).address());
                default -> fail("unknown command " + args[0] + "; use create or address");
            }
        } catch (KeyFileException | java.io.UncheckedIOException e) {
            fail(file + ": " + e.getMessage());
        }
    }

    /**
     * Writes KEY to a new FILE, encrypted with the passphrase from {@code CM_WALLET_PASSPHRASE} or a prompt, and
     * answers its address; on failure (FILE exists, no passphrase, cannot write) it says why and exits with status 2.
     */
    public static String write(Path file, ChainKey key) {
        if (Files.exists(file)) {
            fail(file + " exists; refusing to overwrite a key");
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            fail("cannot create the folder of " + file + ": " + e.getMessage());
        }
        KeyFile.write(file, key, passphrase(), new SecureRandom());
        return key.address();
    }

    private static char[] passphrase() {
        String fromEnvironment = System.getenv("CM_WALLET_PASSPHRASE");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            fail("no passphrase: set CM_WALLET_PASSPHRASE or run in a terminal");
        }
        return console.readPassword("Passphrase: ");
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(2);
    }
}
