package com.computemarket.connector.cli;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.connector.keys.Keystore;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** {@code keys create|import|show}: the worker's secp256k1 key in its encrypted keystore. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Create, import or show the worker's key.",
        subcommands = {KeysCommand.Create.class, KeysCommand.Import.class, KeysCommand.Show.class})
public final class KeysCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: create, import or show");
    }

    static void describe(PrintWriter out, ChainKey key, Keystore keystore) {
        out.println("keystore:   " + keystore.file());
        out.println("address:    " + key.address());
        out.println("public key: " + key.publicKeyHex());
        out.flush();
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Generate a fresh key into a new keystore (never overwrites). Passphrase: "
                    + Environment.PASSPHRASE_VARIABLE + " or a prompt, asked twice.")
    static final class Create implements Callable<Integer> {
        private final Environment env;
        @Mixin
        CommonOptions common;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Create(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Keystore keystore = common.keystore(env);
            ChainKey key = ChainKey.generate(new SecureRandom());
            keystore.store(key);
            describe(spec.commandLine().getOut(), key, keystore);
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Store an existing private key (64 hex characters, read from a prompt or standard input, "
                    + "never from the command line) in a new keystore.")
    static final class Import implements Callable<Integer> {
        private final Environment env;
        @Mixin
        CommonOptions common;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Import(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Keystore keystore = common.keystore(env);
            if (java.nio.file.Files.exists(keystore.file())) {
                throw new CliException(ExitCodes.KEYSTORE, "a keystore already exists at " + keystore.file() + "; refusing to overwrite a key");
            }
            String hex;
            if (env.interactive()) {
                char[] secret = env.readSecret("Private key (64 hex characters): ");
                hex = secret == null ? null : new String(secret);
            } else {
                hex = env.readStdinLine();
            }
            if (hex == null || hex.isBlank()) {
                throw new CliException(ExitCodes.USAGE, "no private key given: type it at the prompt or pipe it on standard input");
            }
            ChainKey key;
            try {
                key = ChainKey.fromHex(hex.strip());
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, "not a private key: " + e.getMessage());
            }
            keystore.store(key);
            describe(spec.commandLine().getOut(), key, keystore);
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the keystore's cpc1 address and public key (never the private key).")
    static final class Show implements Callable<Integer> {
        private final Environment env;
        @Mixin
        CommonOptions common;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Show(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Keystore keystore = common.keystore(env);
            describe(spec.commandLine().getOut(), keystore.load(), keystore);
            return ExitCodes.OK;
        }
    }
}
