package com.computemarket.market.application;

import com.computemarket.shared.JobId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The stored output of a job's result, for the verifier that re-executes it. PLACEHOLDER for the contract the market
 * engineer implements (result storage, issue 12): the lead keeps the market's version at merge. Until then no output
 * is stored, so none is found.
 */
@ApplicationScoped
public class JobOutputs {

    public Optional<JobOutput> of(JobId jobId) {
        return Optional.empty();
    }
}
