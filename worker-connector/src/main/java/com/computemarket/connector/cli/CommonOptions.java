package com.computemarket.connector.cli;

import com.computemarket.connector.keys.Keystore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that touches the keystore takes. */
public final class CommonOptions {

    @Option(names = "--keystore", paramLabel = "FILE",
            description = "the encrypted key file (default: ~/.computemarket/worker-key.pem)")
    Path keystore;

    @Option(names = {"-v", "--verbose"}, description = "show stack traces and protocol details")
    boolean verbose;

    public Path keystorePath(Environment env) {
        return keystore != null ? keystore : env.home().resolve(".computemarket").resolve("worker-key.pem");
    }

    public Keystore keystore(Environment env) {
        return new Keystore(keystorePath(env), env);
    }
}
