package com.computemarket.connector.cli;

import com.computemarket.challenge.synthetic.Challenge;
import com.computemarket.challenge.synthetic.CpuBackend;
import com.computemarket.challenge.synthetic.Opening;
import com.computemarket.challenge.synthetic.SyntheticJob;
import com.computemarket.challenge.synthetic.Verdict;
import com.computemarket.challenge.synthetic.Verifier;
import com.computemarket.connector.backend.GpuOpening;
import com.computemarket.connector.backend.JobOutcome;
import com.computemarket.connector.backend.JobRunner;
import com.computemarket.connector.backend.ProgressListener;
import com.computemarket.connector.backend.gpu.GpuKernel;
import com.computemarket.connector.backend.gpu.GpuSyntheticRunner;
import com.computemarket.workerprotocol.WireMessage;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gpucheck}: is the GPU backend bit-identical to the CPU backend on this machine? For every kernel, size and
 * seed it runs a job on the GPU through the same {@link JobRunner} port {@code run} uses, and compares: the
 * result_hash with the CPU backend's (sizes up to {@code --full-cpu-up-to}; above, the CPU would take minutes), and
 * always the rows of a derived challenge: the GPU's openings must carry exactly the CPU's rows and pass the verifier
 * against the GPU's result_hash (so the committed row hashes are the CPU's). Above the full-CPU limit the kernels'
 * result_hashes must also agree with each other.
 */
@Command(name = "gpucheck", mixinStandardHelpOptions = true,
        description = "Check that the GPU backend computes exactly what the CPU backend computes: result_hash and "
                + "challenged rows, for each kernel, size and seed; exit 8 when any differs.")
public final class GpuCheckCommand implements Callable<Integer> {

    private final Environment env;
    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "256,1000,1024,4096",
            description = "matrix sizes (default: ${DEFAULT-VALUE})")
    List<Integer> sizes;
    @Option(names = "--seeds", split = ",", paramLabel = "HEX", defaultValue = "1234abcd5678ef90,c0ffee",
            description = "seeds (default: ${DEFAULT-VALUE})")
    List<String> seeds;
    @Option(names = "--iterations", paramLabel = "K", defaultValue = "2", description = "iterations a job (default: ${DEFAULT-VALUE})")
    int iterations;
    @Option(names = "--first-iteration", paramLabel = "T", defaultValue = "7",
            description = "first_iteration of each job (default: ${DEFAULT-VALUE})")
    int firstIteration;
    @Option(names = "--full-cpu-up-to", paramLabel = "N", defaultValue = "4096",
            description = "compare the whole result_hash with the CPU's up to this size (default: ${DEFAULT-VALUE})")
    int fullCpuUpTo;
    @Option(names = "--rows", paramLabel = "K", defaultValue = "64", description = "challenged rows compared a job (default: ${DEFAULT-VALUE})")
    int rows;
    @Option(names = "--kernels", split = ",", paramLabel = "mma|dp4a", defaultValue = "mma,dp4a",
            description = "GPU kernels to check (default: ${DEFAULT-VALUE})")
    List<GpuKernel> kernels;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public GpuCheckCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        List<SyntheticJob> jobs;
        try {
            jobs = sizes.stream().flatMap(n -> seeds.stream().map(s -> new SyntheticJob(s, n, firstIteration, iterations))).toList();
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
        if (rows < 1) {
            throw new CliException(ExitCodes.USAGE, "--rows must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        CpuBackend cpu = new CpuBackend();
        Map<SyntheticJob, String> cpuHashes = new HashMap<>();
        Map<SyntheticJob, String> gpuHashes = new HashMap<>();
        Map<ChallengedRows, List<int[]>> cpuRows = new HashMap<>();
        int cases = 0;
        int failed = 0;
        for (GpuKernel kernel : kernels) {
            GpuOpening opening = env.gpu(kernel);
            if (opening instanceof GpuOpening.Unusable u) {
                throw new CliException(ExitCodes.BACKEND_UNAVAILABLE, "cannot check the GPU backend: " + u.reason());
            }
            JobRunner gpu = ((GpuOpening.Opened) opening).runner();
            out.println("kernel " + kernel.name().toLowerCase(Locale.ROOT) + " on " + gpu.describe());
            out.flush();
            for (SyntheticJob job : jobs) {
                cases++;
                Outcome outcome = check(job, gpu, cpu, cpuHashes, gpuHashes, cpuRows);
                failed += outcome.identical() ? 0 : 1;
                out.printf(Locale.ROOT, "  n=%d seed=%s iterations %d..%d: %s %s%n", job.matrixSize(), job.seed(),
                        job.firstIteration(), job.firstIteration() + job.iterations() - 1,
                        outcome.identical() ? "OK" : "FAILED", outcome.detail());
                out.flush();
            }
            if (gpu instanceof GpuSyntheticRunner lanes) {
                lanes.close(); // the next kernel opens the devices again
            }
        }
        if (failed > 0) {
            throw new CliException(ExitCodes.CHECK_FAILED, "gpucheck: " + failed + " of " + cases + " cases differ from the CPU backend");
        }
        out.println("gpucheck: " + cases + " of " + cases + " cases bit-identical to the CPU backend");
        out.flush();
        return ExitCodes.OK;
    }

    /** One case: whether everything compared was identical, and what was compared with which timings. */
    record Outcome(boolean identical, String detail) {
    }

    /** The challenged rows of a job: the CPU computes them once for all kernels. */
    private record ChallengedRows(SyntheticJob job, List<Integer> leaves) {
    }

    private Outcome check(SyntheticJob job, JobRunner gpu, CpuBackend cpu, Map<SyntheticJob, String> cpuHashes,
                         Map<SyntheticJob, String> gpuHashes, Map<ChallengedRows, List<int[]>> cpuRows)
            throws InterruptedException {
        WireMessage.JobAssignment assignment = BenchCommand.assignment(job);
        UUID jobId = assignment.jobId();
        long start = System.nanoTime();
        JobOutcome outcome = gpu.run(assignment, ProgressListener.NONE);
        double gpuSeconds = (System.nanoTime() - start) / 1e9;
        if (!(outcome instanceof JobOutcome.Completed done)) {
            return new Outcome(false, "the GPU returned the job: " + ((JobOutcome.Returned) outcome).reason());
        }
        String hash = done.resultHash();
        StringBuilder verdict = new StringBuilder(String.format(Locale.ROOT, "result_hash %s (GPU %.2f s)", hash, gpuSeconds));
        boolean differs = false;
        if (job.matrixSize() <= fullCpuUpTo) {
            long cpuStart = System.nanoTime();
            String expected = cpuHashes.computeIfAbsent(job, j -> cpu.compute(j).resultHash());
            differs = !expected.equals(hash);
            verdict.append(differs ? " DIFFERS from the CPU's " + expected
                    : String.format(Locale.ROOT, " = CPU's (%.2f s)", (System.nanoTime() - cpuStart) / 1e9));
        } else {
            String other = gpuHashes.putIfAbsent(job, hash);
            if (other != null) {
                differs = !other.equals(hash);
                verdict.append(differs ? " DIFFERS from the other kernel's " + other : " = the other kernel's");
            }
        }
        Challenge challenge = Challenge.derive(job, new byte[32], hash, hash, rows, Challenge.DEFAULT_COLUMNS);
        List<Integer> leaves = challenge.leafIndices();
        List<Opening> openings = gpu.open(jobId, leaves).orElseThrow(() -> new IllegalStateException("the GPU runner kept no commitment"));
        List<int[]> expectedRows = cpuRows.computeIfAbsent(new ChallengedRows(job, leaves), r -> cpu.rows(r.job(), r.leaves()));
        long wrongRows = 0;
        for (int q = 0; q < leaves.size(); q++) {
            wrongRows += Arrays.equals(openings.get(q).values(), expectedRows.get(q)) ? 0 : 1;
        }
        Verdict accepted = new Verifier().verify(job, hash, challenge, openings);
        verdict.append("; ").append(leaves.size()).append(" challenged rows ")
                .append(wrongRows == 0 ? "= CPU's" : "DIFFER from the CPU's in " + wrongRows + " rows")
                .append(accepted.accepted() ? ", verifier accepts" : ", verifier REJECTS: " + accepted.reason());
        return new Outcome(!differs && wrongRows == 0 && accepted.accepted(), verdict.toString());
    }
}
