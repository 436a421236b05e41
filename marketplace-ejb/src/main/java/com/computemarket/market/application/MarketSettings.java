package com.computemarket.market.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Market settings (MicroProfile Config; see docs/operations.md). */
@ApplicationScoped
public class MarketSettings {

    @Inject
    @ConfigProperty(name = "cm.market.default-deadline", defaultValue = "P7D")
    Duration defaultDeadline;

    @Inject
    @ConfigProperty(name = "cm.market.max-deadline", defaultValue = "P30D")
    Duration maxDeadline;

    public Duration defaultDeadline() {
        return defaultDeadline;
    }

    public Duration maxDeadline() {
        return maxDeadline;
    }
}
