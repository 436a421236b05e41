package com.computemarket.connector.backend;

import java.util.Map;
import java.util.TreeMap;

/** The job runner of each challenge type this build knows. */
public final class Backends {

    private final Map<String, JobRunner> runners;

    public Backends(Map<String, JobRunner> runners) {
        this.runners = new TreeMap<>(runners);
    }

    /**
     * This build's backends. The synthetic CPU backend (com.computemarket.challenge.synthetic in worker-protocol) is
     * not wired yet: until it is, "synthetic" maps to the {@link UnavailableBackend} placeholder.
     */
    public static Backends builtIn() {
        return new Backends(Map.of(SyntheticPayload.CHALLENGE_TYPE, new UnavailableBackend(SyntheticPayload.CHALLENGE_TYPE)));
    }

    /** The runner for a challenge type; an unknown type gets the placeholder, which returns its jobs. */
    public JobRunner runner(String challengeType) {
        JobRunner runner = runners.get(challengeType);
        return runner != null ? runner : new UnavailableBackend(challengeType);
    }
}
