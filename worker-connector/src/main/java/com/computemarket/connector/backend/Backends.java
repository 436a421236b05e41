package com.computemarket.connector.backend;

import java.util.Map;
import java.util.TreeMap;

/** The job runner of each challenge type this build knows. */
public final class Backends {

    private final Map<String, JobRunner> runners;

    public Backends(Map<String, JobRunner> runners) {
        this.runners = new TreeMap<>(runners);
    }

    /** This build's backends: synthetic on the CPU (the GPU backend arrives with issue 5). */
    public static Backends builtIn() {
        return new Backends(Map.of(com.computemarket.challenge.synthetic.SyntheticJob.CHALLENGE_TYPE, new SyntheticCpuRunner()));
    }

    /** The runner for a challenge type; an unknown type gets the placeholder, which returns its jobs. */
    public JobRunner runner(String challengeType) {
        JobRunner runner = runners.get(challengeType);
        return runner != null ? runner : new UnavailableBackend(challengeType);
    }
}
