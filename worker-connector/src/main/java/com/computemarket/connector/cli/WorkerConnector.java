package com.computemarket.connector.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * {@code worker-connector}: the worker program of ComputeMarket. Keeps the worker's secp256k1 key in an encrypted
 * keystore, logs in to Keycloak, enrols the key's address and runs jobs pushed over the {@code /worker} WebSocket.
 * Every failure is one line on stderr and an exit code from {@link ExitCodes}.
 */
@Command(name = "worker-connector", mixinStandardHelpOptions = true, versionProvider = WorkerConnector.Version.class,
        description = "The ComputeMarket worker: keystore, Keycloak login, enrolment, the job loop and a benchmark.",
        subcommands = {KeysCommand.class, LoginCommand.class, EnrolCommand.class, RunCommand.class, BenchCommand.class, Stage4Command.class,
                GpuCheckCommand.class, ModelsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:unexpected error (a bug; --verbose shows the trace)",
                "2:wrong command line",
                "3:keystore missing, present already, or wrong passphrase",
                "4:login refused by Keycloak, or no cached login",
                "5:server unreachable (Keycloak or the marketplace)",
                "6:the marketplace refused (enrolment, hello, handshake)",
                "7:no backend for the challenge type in this build, or --backend gpu without a usable GPU",
                "8:gpucheck: a GPU result differs from the CPU's; models pull/verify: a file's SHA-256 is not the catalogue's",
                "130:stopped by SIGINT/SIGTERM"})
public final class WorkerConnector implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: keys, login, enrol, run, bench or models");
    }

    public static void main(String[] args) {
        int code = commandLine(Environment.system()).execute(args);
        System.exit(code);
    }

    /** The configured command line; tests call {@code execute} on it with their own streams and environment. */
    public static CommandLine commandLine(Environment env) {
        CommandLine cli = new CommandLine(new WorkerConnector(), new Factory(env));
        cli.setCaseInsensitiveEnumValuesAllowed(true); // --backend gpu
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine where = e.getCommandLine();
            where.getErr().println("error: " + e.getMessage() + " (see `" + where.getCommandSpec().qualifiedName() + " --help`)");
            where.getErr().flush();
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, where, parseResult) -> {
            PrintWriter err = where.getErr();
            int code;
            if (e instanceof CliException cli1) {
                err.println("error: " + cli1.getMessage());
                code = cli1.exitCode();
            } else {
                err.println("error: unexpected " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " (--verbose shows the trace)");
                code = ExitCodes.INTERNAL;
            }
            if (verbose(parseResult)) {
                e.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        return cli;
    }

    static boolean verbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Creates commands with the {@link Environment} when they take one. */
    static final class Factory implements CommandLine.IFactory {
        private final Environment env;

        Factory(Environment env) {
            this.env = env;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(Environment.class).newInstance(env);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = WorkerConnector.class.getPackage().getImplementationVersion();
            return new String[] {"worker-connector " + (v == null ? "(development build)" : v)};
        }
    }
}
