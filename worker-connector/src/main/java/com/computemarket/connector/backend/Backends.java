package com.computemarket.connector.backend;

import com.computemarket.challenge.synthetic.SyntheticJob;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The job runner of each challenge type this build knows, and what the operator should know about the choice. */
public final class Backends {

    private final Map<String, JobRunner> runners;
    private final String notice;

    public Backends(Map<String, JobRunner> runners) {
        this(runners, null);
    }

    private Backends(Map<String, JobRunner> runners, String notice) {
        this.runners = new TreeMap<>(runners);
        this.notice = notice;
    }

    /**
     * {@code GPU}: the GPU runner, or a placeholder that gives the reason it is unusable (run and bench refuse it, exit 7);
     * {@code CPU}: the CPU runner, the GPU untouched; {@code AUTO}: the GPU runner when usable, else the CPU runner and a
     * notice saying why the GPU is not used (ARCHITECTURE.md: "else the CPU backend, said loudly").
     */
    public static Backends select(BackendChoice choice, Supplier<GpuOpening> gpu, Supplier<JobRunner> cpu) {
        String type = SyntheticJob.CHALLENGE_TYPE;
        if (choice == BackendChoice.CPU) {
            return new Backends(Map.of(type, cpu.get()));
        }
        GpuOpening opening = gpu.get();
        if (opening instanceof GpuOpening.Opened opened) {
            return new Backends(Map.of(type, opened.runner()));
        }
        String reason = ((GpuOpening.Unusable) opening).reason();
        if (choice == BackendChoice.GPU) {
            return new Backends(Map.of(type, new UnavailableBackend("the GPU backend is unusable: " + reason)));
        }
        return new Backends(Map.of(type, cpu.get()), "GPU backend not used (" + reason + "); synthetic jobs run on the CPU");
    }

    /** These runners plus {@code runner} for {@code challengeType} (the notice kept). */
    public Backends with(String challengeType, JobRunner runner) {
        Map<String, JobRunner> more = new TreeMap<>(runners);
        more.put(challengeType, runner);
        return new Backends(more, notice);
    }

    /** The runner for a challenge type; an unknown type gets the placeholder, which returns its jobs. */
    public JobRunner runner(String challengeType) {
        JobRunner runner = runners.get(challengeType);
        return runner != null ? runner : UnavailableBackend.notInThisBuild(challengeType);
    }

    /** A line for the operator about the choice (the GPU fell back to the CPU, and why), when there is one. */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }
}
