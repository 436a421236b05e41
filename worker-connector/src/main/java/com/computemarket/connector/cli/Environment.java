package com.computemarket.connector.cli;

import com.computemarket.chain.crypto.KeyFile;
import com.computemarket.connector.backend.BackendChoice;
import com.computemarket.connector.backend.Backends;
import com.computemarket.connector.backend.GpuOpening;
import com.computemarket.connector.backend.SyntheticCpuRunner;
import com.computemarket.connector.backend.gpu.GpuKernel;
import com.computemarket.connector.backend.gpu.GpuSyntheticRunner;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What the connector takes from its surroundings (environment variables, the terminal, stdin, the home folder), so
 * tests can run the commands without a terminal or real environment variables.
 */
public interface Environment {

    String PASSPHRASE_VARIABLE = "CM_WORKER_PASSPHRASE";

    String getenv(String name);

    /** Reads a secret from the terminal without echo; null when there is no terminal. */
    char[] readSecret(String prompt);

    /** One line from standard input (no terminal needed); null at end of input. */
    String readStdinLine();

    /** True when standard input is a terminal (so a prompt makes sense). */
    boolean interactive();

    Path home();

    /** PBKDF2 iterations for new keystores; tests lower it, files stay readable either way. */
    default int kdfIterations() {
        return KeyFile.ITERATIONS;
    }

    /** The job runners of this build for the operator's {@code --backend} choice, by challenge type. */
    default Backends backends(BackendChoice choice) {
        return Backends.select(choice, () -> gpu(GpuKernel.MMA), SyntheticCpuRunner::new);
    }

    /** The GPU backend on every usable device with the given kernel, or why there is none (the CUDA driver, once per process). */
    default GpuOpening gpu(GpuKernel kernel) {
        return GpuSyntheticRunner.open(kernel);
    }

    static Environment system() {
        return new Environment() {
            private BufferedReader stdin;

            @Override
            public String getenv(String name) {
                return System.getenv(name);
            }

            @Override
            public char[] readSecret(String prompt) {
                Console console = System.console();
                return console == null ? null : console.readPassword("%s", prompt);
            }

            @Override
            public synchronized String readStdinLine() {
                try {
                    if (stdin == null) {
                        stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                    }
                    return stdin.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean interactive() {
                return System.console() != null;
            }

            @Override
            public Path home() {
                return Path.of(System.getProperty("user.home"));
            }
        };
    }
}
