package com.computemarket.market.application;

import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.JobRepository;
import com.computemarket.market.domain.OutputStore;
import com.computemarket.shared.JobId;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The outputs of inference jobs, for verification (which re-executes challenged items) and for the result view.
 * Joins the caller's transaction; reads only.
 */
@Stateless
public class JobOutputs {

    @Inject JobRepository jobs;
    @Inject OutputStore store;

    public JobOutputs() {
    }

    /** Outside the container (unit tests). */
    public JobOutputs(JobRepository jobs, OutputStore store) {
        this.jobs = jobs;
        this.store = store;
    }

    /** The job's output as its current result carries it; empty for an unknown job or one without a stored output. */
    public Optional<JobOutput> of(JobId jobId) {
        return jobs.find(jobId.value()).flatMap(this::of);
    }

    /** The same for a job the caller has loaded (public: callers reach this bean through its EJB proxy). */
    public Optional<JobOutput> of(Job job) {
        if (job.outputHash() == null) {
            return Optional.empty();
        }
        return store.get(job.outputHash()).map(content -> new JobOutput(JobId.of(job.id()), job.modelId(),
                JobPayloadJson.read(job.payload()), JobPayloadJson.read(content), job.resultHash()));
    }
}
