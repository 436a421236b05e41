package com.computemarket.market.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Fails tasks whose deadline passed, so their escrow goes back to the customer. In a cluster: a singleton service. */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskDeadlines {

    private static final Logger LOG = Logger.getLogger(TaskDeadlines.class.getName());

    @Resource TimerService timers;
    @Inject TaskLifecycle lifecycle;
    @Inject
    @ConfigProperty(name = "cm.market.deadline-check", defaultValue = "PT5S")
    Duration interval;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("task deadlines", false));
    }

    @Timeout
    void check() {
        try {
            int failed = lifecycle.expireOverdue(100);
            if (failed > 0) {
                LOG.info(() -> failed + " tasks failed at their deadline");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "deadline check failed; next try in " + interval, e);
        }
    }
}
