package com.computemarket.portal.customer;

import com.computemarket.market.application.TaskQueries;
import com.computemarket.market.application.TaskResults;
import com.computemarket.portal.Pages;
import com.computemarket.shared.Caller;
import com.computemarket.shared.ChallengeType;
import com.computemarket.shared.DomainException;
import com.computemarket.verification.application.VerificationQueries;
import com.computemarket.verification.application.VerificationView;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
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
    @Inject TaskResults results;

    private TaskLine task;
    private List<JobLine> jobs = List.of();
    private Map<UUID, VerificationView> verified = Map.of();
    private String generatedText;

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
            generatedText = generatedText(task);
        }
    }

    /** A text-generation task's verified text (the download holds vectors, tokens and log-probabilities); else null. */
    private String generatedText(TaskLine line) {
        if (!ChallengeType.INFERENCE.wire().equals(line.challengeType())) {
            return null;
        }
        try {
            JsonNode result = results.of(caller, line.id(), true, 0, 1);
            return result.hasNonNull("text") ? result.get("text").textValue() : null;
        } catch (DomainException | EJBException e) {
            return null; // nothing verified yet (result-not-ready): the jobs table says where each job stands
        }
    }

    public String getGeneratedText() {
        return generatedText;
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
