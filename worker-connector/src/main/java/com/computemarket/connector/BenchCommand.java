package com.computemarket.connector;

import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.connector.backend.JobOutcome;
import com.computemarket.connector.backend.JobRunner;
import com.computemarket.connector.backend.ProgressListener;
import com.computemarket.workerprotocol.WireMessage;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: one synthetic job on the local backend, timed. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run one synthetic job of the given size on this build's backend and print the time.")
public final class BenchCommand implements Callable<Integer> {

    private final Environment env;
    @Option(names = "--size", paramLabel = "N", defaultValue = "1024", description = "matrix_size (default: ${DEFAULT-VALUE})")
    int size;
    @Option(names = "--iterations", paramLabel = "K", defaultValue = "1", description = "iterations (default: ${DEFAULT-VALUE})")
    int iterations;
    @Option(names = "--seed", paramLabel = "HEX", description = "seed (default: 16 random hex digits)")
    String seed;
    @Option(names = {"-v", "--verbose"}, description = "show progress and stack traces")
    boolean verbose;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public BenchCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        SyntheticJob payload;
        try {
            payload = new SyntheticJob(seed != null ? seed : randomSeed(), size, 0, iterations);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        JobRunner runner = env.backends().runner(SyntheticJob.CHALLENGE_TYPE);
        if (!runner.available()) {
            throw new CliException(ExitCodes.BACKEND_UNAVAILABLE, "cannot benchmark: " + runner.describe());
        }
        WireMessage.JobAssignment job = new WireMessage.JobAssignment(UUID.randomUUID(), UUID.randomUUID(),
                SyntheticJob.CHALLENGE_TYPE, payload.toPayload(), Instant.now().plusSeconds(86_400));
        ProgressListener progress = verbose
                ? (f, stage) -> out.printf(Locale.ROOT, "  %3.0f%% %s%n", f * 100, stage)
                : ProgressListener.NONE;
        long start = System.nanoTime();
        JobOutcome outcome = runner.run(job, progress);
        double secs = (System.nanoTime() - start) / 1e9;
        if (outcome instanceof JobOutcome.Returned r) {
            throw new CliException(ExitCodes.BACKEND_UNAVAILABLE, "the backend gave the job back: " + r.reason());
        }
        JobOutcome.Completed done = (JobOutcome.Completed) outcome;
        double ops = 2.0 * size * size * (double) size * iterations;
        out.printf(Locale.ROOT, "%s: matrix_size %d, iterations %d, seed %s: %.3f s, %.2f GOPS (int8), result_hash %s%n",
                runner.describe(), size, iterations, payload.seed(), secs, ops / secs / 1e9, done.resultHash());
        out.flush();
        return ExitCodes.OK;
    }

    private static String randomSeed() {
        byte[] b = new byte[8];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
