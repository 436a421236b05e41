package com.computemarket.connector.backend;

import java.util.Optional;
import java.util.UUID;

/** A runner that times the stages of the jobs it ran (the GPU backend; bench prints them). */
public interface StageTimed {

    /** The stage times of a recent job, if this runner ran it. */
    Optional<StageTimes> stageTimes(UUID jobId);
}
