package com.computemarket.workers.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The workers context's settings (docs/operations.md); each {@code cm.workers.x} may be set as {@code CM_WORKERS_X}. */
@ApplicationScoped
public class WorkerSettings {

    /** How long an enrolment nonce may be used. */
    @Inject @ConfigProperty(name = "cm.workers.challenge-ttl", defaultValue = "PT5M")
    Duration challengeTtl;

    /** Consecutive failed results after which a worker is suspended; 0 never suspends. */
    @Inject @ConfigProperty(name = "cm.workers.suspend-after-failures", defaultValue = "3")
    int suspendAfterFailures;

    public WorkerSettings() {
    }

    /** For tests. */
    public static WorkerSettings of(Duration challengeTtl, int suspendAfterFailures) {
        WorkerSettings settings = new WorkerSettings();
        settings.challengeTtl = challengeTtl;
        settings.suspendAfterFailures = suspendAfterFailures;
        return settings;
    }

    public Duration challengeTtl() {
        return challengeTtl;
    }

    public int suspendAfterFailures() {
        return suspendAfterFailures;
    }
}
