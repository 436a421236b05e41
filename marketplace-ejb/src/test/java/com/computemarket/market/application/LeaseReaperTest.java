package com.computemarket.market.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaseReaperTest {

    private final DispatchFakes f = new DispatchFakes();
    private final LeaseReaper reaper = new LeaseReaper();

    LeaseReaperTest() {
        reaper.jobs = f.jobs;
        reaper.dispatch = f.dispatch;
        reaper.clock = f.clock;
        reaper.batch = 100;
        reaper.silence = Duration.ofSeconds(30);
    }

    @Test
    void aQueuedJobWhoseAnnouncementWasLostIsAnnouncedAgainOnce() {
        Job lost = f.queuedJob("synthetic");
        f.clock.advance(Duration.ofSeconds(20));
        Job recent = f.queuedJob("synthetic");
        f.queue.sent.clear();
        f.clock.advance(Duration.ofSeconds(11));

        reaper.reap();
        reaper.reap();

        assertEquals(java.util.List.of(lost.id()), f.queue.sent.stream().map(DispatchFakes.Sent::jobId).toList(),
                "only the job silent for over 30 s, and only once: the announcement resets its silence");
        assertEquals(JobStatus.QUEUED, recent.status());
    }

    @Test
    void onlyExpiredLeasesAreTakenBack() {
        Job early = f.queuedJob("synthetic");
        f.leased(early);
        f.clock.advance(Duration.ofSeconds(10));
        Job late = f.queuedJob("synthetic");
        f.leased(late);
        Job waiting = f.queuedJob("synthetic");
        f.clock.advance(Duration.ofSeconds(25));

        Map<JobStatus, Integer> outcome = reaper.reap();
        f.transaction.commit();

        assertEquals(Map.of(JobStatus.QUEUED, 1), outcome);
        assertEquals(JobStatus.QUEUED, early.status());
        assertEquals(JobStatus.LEASED, late.status());
        assertEquals(JobStatus.QUEUED, waiting.status());
    }

    @Test
    void aJobThatCannotBeExpiredDoesNotHoldUpTheOthers() {
        Job stuck = f.queuedJob("synthetic");
        f.leased(stuck);
        Job other = f.queuedJob("synthetic");
        f.leased(other);
        f.jobs.failOnLock.add(stuck.id());
        f.clock.advance(Duration.ofSeconds(31));

        Map<JobStatus, Integer> outcome = reaper.reap();

        assertEquals(Map.of(JobStatus.QUEUED, 1), outcome);
        assertEquals(JobStatus.LEASED, stuck.status());
        assertEquals(JobStatus.QUEUED, other.status());
    }

    @Test
    void outOfAttemptsTheReaperKillsTheJob() {
        Job job = f.queuedJob("synthetic");
        Map<JobStatus, Integer> last = Map.of();
        for (int attempt = 1; attempt <= 3; attempt++) {
            f.leased(job);
            f.clock.advance(Duration.ofSeconds(31));
            last = reaper.reap();
            f.transaction.commit();
        }

        assertEquals(Map.of(JobStatus.DEAD, 1), last);
        assertEquals(1, f.tasks.died.size());
    }
}
