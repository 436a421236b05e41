package com.computemarket.portal.customer;

import com.computemarket.market.application.TaskQueries;
import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.Task;
import com.computemarket.portal.Pages;
import com.computemarket.shared.Caller;
import com.computemarket.verification.application.VerificationQueries;
import com.computemarket.verification.application.VerificationView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One task with its jobs, as TaskQueries#get answers it for the caller (another organization's task is not found). */
@Named
@RequestScoped
public class TaskPage {

    @Inject Caller caller;
    @Inject TaskQueries queries;
    @Inject VerificationQueries verifications;

    private TaskQueries.TaskDetails details;
    private Map<UUID, VerificationView> verified = Map.of();

    @PostConstruct
    void load() {
        String id = Pages.param("id");
        UUID taskId;
        try {
            taskId = id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            taskId = null;
        }
        if (taskId == null) {
            Pages.error("No such task: task ids are UUIDs.");
            return;
        }
        UUID wanted = taskId;
        details = Pages.attempt(() -> queries.get(caller, wanted));
        if (details != null) {
            verified = verifications.ofTask(details.task().id());
        }
    }

    public Task getTask() {
        return details == null ? null : details.task();
    }

    public List<Job> getJobs() {
        return details == null ? List.of() : details.jobs();
    }

    /** The verifier's state and verdict for the job's latest result (challenge block included); empty before one. */
    public String verdict(Job job) {
        VerificationView v = verified.get(job.id());
        if (v == null) {
            return "";
        }
        String challenge = v.challengeBlockHeight() == null ? "" : " (challenge block " + v.challengeBlockHeight() + ")";
        return v.status() + (v.verdict() == null ? "" : ": " + v.verdict()) + challenge;
    }

    /** The worker-signed SUBMIT_RESULT and the block whose compute_root commits it; empty before it is relayed. */
    public String l1Reference(Job job) {
        VerificationView v = verified.get(job.id());
        if (v == null || v.txHash() == null) {
            return "";
        }
        return v.txHash() + (v.blockHeight() == null ? " (not in a block yet)" : " / block " + v.blockHeight());
    }

    public String time(Instant instant) {
        return Pages.time(instant);
    }
}
