package com.computemarket.market.application;

import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobRepository;
import com.computemarket.market.domain.JobStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every cm.dispatch.reap-interval, takes back the leases that ran out (JobDispatch.expireLease, one transaction per
 * job, so one bad row does not hold up the rest). Safe to run on every node of a cluster: each expiry happens under
 * the job's row lock and a renewed or already expired lease is left alone.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LeaseReaper {

    private static final Logger LOG = Logger.getLogger(LeaseReaper.class.getName());

    @Inject JobRepository jobs;
    @Inject JobDispatch dispatch;
    @Inject Clock clock;
    @Resource TimerService timers;

    @Inject @ConfigProperty(name = "cm.dispatch.reap-interval", defaultValue = "PT1S")
    Duration interval;
    /** A QUEUED job not announced for this long has lost its JobReady message (retries announce every ≤ 2 s). */
    @Inject @ConfigProperty(name = "cm.dispatch.silence", defaultValue = "PT30S")
    Duration silence;
    @Inject @ConfigProperty(name = "cm.dispatch.reap-batch", defaultValue = "500")
    int batch;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void start() {
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("lease-reaper", false));
    }

    @Timeout
    void onTimer() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous round is still working through a large batch
        }
        try {
            reap();
        } finally {
            running.set(false);
        }
    }

    /** One round: what became of the expired leases it found. */
    Map<JobStatus, Integer> reap() {
        Map<JobStatus, Integer> outcomes = new EnumMap<>(JobStatus.class);
        List<UUID> expired = jobs.expiredLeases(clock.instant(), batch).stream().map(Job::id).toList();
        for (UUID id : expired) {
            try {
                outcomes.merge(dispatch.expireLease(id), 1, Integer::sum);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not expire the lease of job " + id + "; next round tries again", e);
            }
        }
        if (!expired.isEmpty()) {
            LOG.fine(() -> "lease reaper: " + outcomes);
        }
        Instant silentBefore = clock.instant().minus(silence);
        for (Job job : jobs.silentlyQueued(silentBefore, batch)) {
            try {
                dispatch.reannounce(job.id(), silentBefore);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not announce job " + job.id() + " again; next round tries again", e);
            }
        }
        return outcomes;
    }
}
