package com.computemarket.connector.cli;

import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.connector.backend.Backends;
import com.computemarket.connector.backend.JobOutcome;
import com.computemarket.connector.backend.JobRunner;
import com.computemarket.connector.backend.ProgressListener;
import com.computemarket.connector.backend.StageTimed;
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

/**
 * {@code bench}: one synthetic job on the chosen backend, timed end to end; on the GPU also the product kernel's TOPS and
 * where the rest of the job's time went (generate, multiply, hash, copy, commit).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run one synthetic job of the given size on the chosen backend and print the time (on the GPU also "
                + "the matrix product's TOPS and the time of each stage).")
public final class BenchCommand implements Callable<Integer> {

    private final Environment env;
    @Option(names = "--size", paramLabel = "N", defaultValue = "1024", description = "matrix_size (default: ${DEFAULT-VALUE})")
    int size;
    @Option(names = "--iterations", paramLabel = "K", defaultValue = "1", description = "iterations (default: ${DEFAULT-VALUE})")
    int iterations;
    @Option(names = "--seed", paramLabel = "HEX", description = "seed (default: 16 random hex digits)")
    String seed;
    @Option(names = "--warmup", paramLabel = "W", defaultValue = "0",
            description = "untimed jobs of the same size first (GPU: buffers allocated, clocks up; default: ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = {"-v", "--verbose"}, description = "show progress and stack traces")
    boolean verbose;
    @CommandLine.Mixin
    BackendOptions backend;
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
        if (warmup < 0) {
            throw new CliException(ExitCodes.USAGE, "--warmup must be 0 or more");
        }
        Backends backends = env.backends(backend.choice);
        JobRunner runner = backends.runner(SyntheticJob.CHALLENGE_TYPE);
        if (!runner.available()) {
            throw new CliException(ExitCodes.BACKEND_UNAVAILABLE, "cannot benchmark: " + runner.describe());
        }
        backends.notice().ifPresent(n -> out.println("note: " + n));
        ProgressListener progress = verbose
                ? (f, stage) -> out.printf(Locale.ROOT, "  %3.0f%% %s%n", f * 100, stage)
                : ProgressListener.NONE;
        for (int w = 0; w < warmup; w++) {
            runner.run(assignment(payload), ProgressListener.NONE);
        }
        WireMessage.JobAssignment job = assignment(payload);
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
        if (runner instanceof StageTimed timed) {
            timed.stageTimes(job.jobId()).ifPresent(t -> out.println(t.describe()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static WireMessage.JobAssignment assignment(SyntheticJob payload) {
        return new WireMessage.JobAssignment(UUID.randomUUID(), UUID.randomUUID(), SyntheticJob.CHALLENGE_TYPE,
                payload.toPayload(), Instant.now().plusSeconds(86_400));
    }

    static String randomSeed() {
        byte[] b = new byte[8];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
