package com.computemarket.portal.customer;

import com.computemarket.market.application.TaskQueries;
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

    private TaskLine task;
    private List<JobLine> jobs = List.of();
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
        TaskQueries.TaskDetails details = Pages.attempt(() -> queries.get(caller, wanted));
        if (details != null) {
            task = TaskLine.of(details.task());
            jobs = details.jobs().stream().map(JobLine::of).toList();
            verified = verifications.ofTask(task.id());
        }
    }

    public TaskLine getTask() {
        return task;
    }

    public List<JobLine> getJobs() {
        return jobs;
    }

    /** The verifier's state and verdict for the job's latest result (challenge block included); empty before one. */
    public String verdict(JobLine job) {
        VerificationView v = verified.get(job.id());
        if (v == null) {
            return "";
        }
        String challenge = v.challengeBlockHeight() == null ? "" : " (challenge block " + v.challengeBlockHeight() + ")";
        return v.status() + (v.verdict() == null ? "" : ": " + v.verdict()) + challenge;
    }

    /** The worker-signed SUBMIT_RESULT and the block whose compute_root commits it; empty before it is relayed. */
    public String l1Reference(JobLine job) {
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
