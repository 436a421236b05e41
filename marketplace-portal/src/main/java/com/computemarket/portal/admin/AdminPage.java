package com.computemarket.portal.admin;

import com.computemarket.billing.application.ManualCrediting;
import com.computemarket.portal.Pages;
import com.computemarket.shared.Caller;
import com.computemarket.workers.application.WorkerDetails;
import com.computemarket.workers.application.WorkerDirectory;
import com.computemarket.workers.application.WorkerSuspension;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;

/** Admins: suspend a worker with a reason and resume it; credit an organization by hand with a reason. */
@Named
@RequestScoped
public class AdminPage {

    @Inject Caller caller;
    @Inject WorkerDirectory directory;
    @Inject WorkerSuspension suspension;
    @Inject ManualCrediting crediting;

    private List<WorkerDetails> workers = List.of();
    private String workerId;
    private String reason;
    private String organization;
    private String amount;
    private String creditReason;

    @PostConstruct
    void load() {
        var page = Pages.attempt(() -> directory.list(caller, WorkerDirectory.MAX_PAGE, 0));
        workers = page == null ? List.of() : page.workers();
    }

    public String suspend() {
        UUID id = id();
        if (id != null && Pages.attempt(() -> suspension.suspend(caller, id, reason)) != null) {
            Pages.info("Worker " + id + " is suspended: " + reason);
            return "/admin/admin.xhtml?faces-redirect=true";
        }
        return null;
    }

    public String resume() {
        UUID id = id();
        if (id != null && Pages.attempt(() -> suspension.resume(caller, id)) != null) {
            Pages.info("Worker " + id + " is active again.");
            return "/admin/admin.xhtml?faces-redirect=true";
        }
        return null;
    }

    public String credit() {
        var credit = Pages.attempt(() -> crediting.credit(caller, organization, amount, creditReason));
        if (credit == null) {
            return null;
        }
        Pages.info("Credited " + credit.amount().toCpc() + " CPC to " + credit.organization() + " (entry " + credit.entryId() + ").");
        return "/admin/admin.xhtml?faces-redirect=true";
    }

    private UUID id() {
        try {
            return UUID.fromString(workerId);
        } catch (RuntimeException e) {
            Pages.error("Choose a worker.");
            return null;
        }
    }

    public List<WorkerDetails> getWorkers() { return workers; }
    public String getWorkerId() { return workerId; }
    public void setWorkerId(String workerId) { this.workerId = workerId; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getOrganization() { return organization; }
    public void setOrganization(String organization) { this.organization = organization; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getCreditReason() { return creditReason; }
    public void setCreditReason(String creditReason) { this.creditReason = creditReason; }
}
