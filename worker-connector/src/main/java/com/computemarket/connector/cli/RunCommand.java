package com.computemarket.connector.cli;

import com.computemarket.chain.crypto.ChainKey;
import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.connector.auth.OidcClient;
import com.computemarket.connector.auth.Sleeper;
import com.computemarket.connector.auth.TokenProvider;
import com.computemarket.connector.auth.TokenStore;
import com.computemarket.connector.backend.Backends;
import com.computemarket.connector.backend.InferenceRunner;
import com.computemarket.connector.backend.JobRunner;
import com.computemarket.connector.backend.SyntheticCpuRunner;
import com.computemarket.connector.net.Http;
import com.computemarket.connector.run.Backoff;
import com.computemarket.connector.run.JdkWebSocketTransport;
import com.computemarket.connector.run.ResultSigner;
import com.computemarket.connector.run.Terminal;
import com.computemarket.connector.run.WorkerSession;
import com.computemarket.workerprotocol.WireMessage;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code run}: serve jobs over {@code /worker} until SIGINT/SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Connect to the marketplace's /worker socket and run the jobs it pushes until SIGINT/SIGTERM; "
                + "then stop taking jobs, finish running ones within --grace, return the rest. Uses the login cached by "
                + "`login`/`enrol` (refreshed before it expires), or --username/--client-secret-env.")
public final class RunCommand implements Callable<Integer> {

    private final Environment env;
    @Mixin
    CommonOptions common;
    @Mixin
    LoginOptions login;
    @Mixin
    ServerOptions server;
    @Mixin
    BackendOptions backend;
    @Option(names = "--capacity", paramLabel = "N", defaultValue = "1",
            description = "jobs run at once (slots announced in hello; default: ${DEFAULT-VALUE})")
    int capacity;
    @Option(names = "--challenge-types", split = ",", paramLabel = "TYPE", defaultValue = "synthetic",
            description = "challenge types to take (default: ${DEFAULT-VALUE})")
    List<String> challengeTypes;
    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "30",
            description = "on SIGINT/SIGTERM, how long running jobs may take to finish before they are returned (default: ${DEFAULT-VALUE})")
    int graceSeconds;
    @Option(names = "--status-interval", paramLabel = "SECONDS", defaultValue = "60",
            description = "seconds between status lines (default: ${DEFAULT-VALUE})")
    int statusSeconds;
    @Option(names = "--wait-for-server", description = "keep retrying when the marketplace cannot be reached at the start "
            + "(after a first connection it always retries)")
    boolean waitForServer;
    @Mixin
    ModelOptions models;
    @Option(names = "--inference-threads", paramLabel = "N", defaultValue = "1",
            description = "threads per inference job (ONNX Runtime intra-op / generation; default: ${DEFAULT-VALUE})")
    int inferenceThreads;
    @Option(names = "--cheat-fraction", hidden = true, paramLabel = "F",
            description = "TESTING ONLY: commit to zeros for this fraction of each job's rows (the verifier must catch it)")
    Double cheatFraction;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public RunCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        checkOptions();
        server.base();
        Backends backends = backends();
        ChainKey key = common.keystore(env).load();
        Http http = Http.standard();
        Clock clock = Clock.systemUTC();
        OidcClient oidc = login.oidc(http, clock, Sleeper.REAL);
        TokenProvider tokens = login.provider(oidc, TokenStore.besideKeystore(common.keystorePath(env)), clock,
                login.automatedLogin(oidc, env));
        tokens.accessToken(); // not logged in: one line now rather than after the first connection attempt

        Terminal terminal = new Terminal(spec.commandLine().getOut(), clock, common.verbose);
        WorkerSession session = new WorkerSession(
                new WorkerSession.Settings(server.workerSocket(), key.address(), capacity, challengeTypes, waitForServer,
                        Duration.ofSeconds(statusSeconds), Duration.ofSeconds(20), heldModels(backends)),
                new JdkWebSocketTransport(http.client()), tokens::accessToken, tokens::invalidate, backends, terminal,
                Backoff.standard(), new ResultSigner(key));
        backends.notice().ifPresent(terminal::line);
        terminal.line("worker " + key.address() + " starting; " + String.join(",", challengeTypes) + " on " + capacity
                + " slot" + (capacity == 1 ? "" : "s") + " (" + backends.runner(challengeTypes.get(0)).describe()
                + "); Ctrl-C stops it cleanly");
        runUntilStopped(session);
        return ExitCodes.OK;
    }

    private void checkOptions() {
        if (capacity < 1 || capacity > WireMessage.MAX_CAPACITY) {
            throw new CliException(ExitCodes.USAGE, "--capacity must be between 1 and " + WireMessage.MAX_CAPACITY);
        }
        if (inferenceThreads < 1) {
            throw new CliException(ExitCodes.USAGE, "--inference-threads must be at least 1");
        }
        if (graceSeconds < 0 || statusSeconds < 1) {
            throw new CliException(ExitCodes.USAGE, "--grace must be 0 or more and --status-interval at least 1");
        }
    }

    /** The runners for --backend (or the cheating one); refuses a challenge type this build cannot run. */
    private Backends backends() {
        SyntheticCpuRunner.Cheat cheat = cheatFraction == null ? null : cheat(cheatFraction);
        Backends backends = cheat == null ? env.backends(backend.choice) : cheating(cheat);
        backends = backends.with(InferenceRunner.CHALLENGE_TYPE, new InferenceRunner(models.cache(env), inferenceThreads, cheat));
        for (String type : challengeTypes) {
            JobRunner runner = backends.runner(type);
            if (!runner.available()) {
                throw new CliException(ExitCodes.BACKEND_UNAVAILABLE, "cannot take " + type + " jobs: " + runner.describe());
            }
        }
        return backends;
    }

    /** Runs the session; SIGINT/SIGTERM shut it down cleanly within --grace. */
    private void runUntilStopped(WorkerSession session) {
        Duration grace = Duration.ofSeconds(graceSeconds);
        Thread hook = new Thread(() -> session.shutdown(grace), "cm-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            session.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running
            }
        }
    }

    private static SyntheticCpuRunner.Cheat cheat(double fraction) {
        try {
            return new SyntheticCpuRunner.Cheat(fraction, new SecureRandom());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--cheat-fraction: " + e.getMessage());
        }
    }

    private static Backends cheating(SyntheticCpuRunner.Cheat cheat) {
        return new Backends(Map.of(SyntheticJob.CHALLENGE_TYPE, new SyntheticCpuRunner(Runtime.getRuntime().availableProcessors(),
                cheat)));
    }

    /** The cached model ids announced in hello, when this worker takes inference jobs. */
    private List<String> heldModels(Backends backends) {
        if (!challengeTypes.contains(InferenceRunner.CHALLENGE_TYPE)
                || !(backends.runner(InferenceRunner.CHALLENGE_TYPE) instanceof InferenceRunner inference)) {
            return List.of();
        }
        return inference.models();
    }
}
