package com.computemarket.connector.keys;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.chain.crypto.KeyFile;
import com.computemarket.chain.crypto.KeyFileException;
import com.computemarket.connector.cli.CliException;
import com.computemarket.connector.cli.Environment;
import com.computemarket.connector.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The worker's key in an encrypted PKCS#8 PEM file ({@link KeyFile}). The passphrase comes from
 * {@code CM_WORKER_PASSPHRASE} or a prompt without echo; it is never a command-line argument.
 */
public final class Keystore {

    private final Path file;
    private final Environment env;

    public Keystore(Path file, Environment env) {
        this.file = file.toAbsolutePath().normalize();
        this.env = env;
    }

    public Path file() {
        return file;
    }

    /** Reads and decrypts the key; every failure is one line with exit code {@link ExitCodes#KEYSTORE}. */
    public ChainKey load() {
        if (!Files.exists(file)) {
            throw new CliException(ExitCodes.KEYSTORE, "no keystore at " + file + "; create one with `worker-connector keys create`"
                    + " or point --keystore at yours");
        }
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CliException(ExitCodes.KEYSTORE, "cannot read the keystore " + file + ": " + describe(e), e);
        }
        char[] passphrase = passphrase(false);
        try {
            return KeyFile.fromPem(pem, passphrase);
        } catch (KeyFileException e) {
            throw new CliException(ExitCodes.KEYSTORE, "cannot open the keystore " + file + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Writes {@code key} to a new file (never overwrites), readable by its owner only. */
    public void store(ChainKey key) {
        if (Files.exists(file)) {
            throw new CliException(ExitCodes.KEYSTORE, "a keystore already exists at " + file + "; refusing to overwrite a key");
        }
        char[] passphrase = passphrase(true);
        try {
            String pem = KeyFile.toPem(key, passphrase, new SecureRandom(), env.kdfIterations());
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new CliException(ExitCodes.KEYSTORE, "a keystore already exists at " + file + "; refusing to overwrite a key", e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.KEYSTORE, "cannot write the keystore " + file + ": " + describe(e), e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** From the environment, else a prompt (twice when {@code confirm}); no terminal and no variable is an error. */
    char[] passphrase(boolean confirm) {
        String fromEnv = env.getenv(Environment.PASSPHRASE_VARIABLE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        char[] first = env.readSecret(confirm ? "New keystore passphrase: " : "Keystore passphrase for " + file + ": ");
        if (first == null) {
            throw new CliException(ExitCodes.KEYSTORE, "no passphrase: set " + Environment.PASSPHRASE_VARIABLE + " or run in a terminal");
        }
        if (first.length == 0) {
            throw new CliException(ExitCodes.KEYSTORE, "the passphrase must not be empty");
        }
        if (confirm) {
            char[] second = env.readSecret("Repeat the passphrase: ");
            boolean same = second != null && Arrays.equals(first, second);
            if (second != null) {
                Arrays.fill(second, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new CliException(ExitCodes.KEYSTORE, "the two passphrases differ; nothing written");
            }
        }
        return first;
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder " + e.getMessage();
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
