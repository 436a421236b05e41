package com.computemarket.verification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Verification settings (MicroProfile Config; see docs/operations.md). */
@ApplicationScoped
public class VerificationSettings {

    /** How long a worker has to open the challenged rows. */
    @Inject
    @ConfigProperty(name = "cm.verification.response-time", defaultValue = "PT60S")
    Duration responseTime;

    /** How long a worker has to sign an accepted result before it is asked again with a fresh nonce. */
    @Inject
    @ConfigProperty(name = "cm.verification.sign-time", defaultValue = "PT60S")
    Duration signTime;

    /** How often the verification clock looks for work (new blocks, overdue answers, relays to confirm). */
    @Inject
    @ConfigProperty(name = "cm.verification.poll", defaultValue = "PT1S")
    Duration poll;

    /** A relayed result not yet in a block is sent again (identical bytes) after this long. */
    @Inject
    @ConfigProperty(name = "cm.verification.rebroadcast", defaultValue = "PT30S")
    Duration rebroadcast;

    public Duration responseTime() {
        return responseTime;
    }

    public Duration signTime() {
        return signTime;
    }

    public Duration poll() {
        return poll;
    }

    public Duration rebroadcast() {
        return rebroadcast;
    }
}
