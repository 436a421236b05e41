package com.computemarket.portal.customer;

import com.computemarket.market.application.TaskQueries;
import com.computemarket.market.domain.TaskStatus;
import com.computemarket.portal.Pages;
import com.computemarket.shared.Caller;
import com.computemarket.shared.ChallengeType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;

/** The organization's tasks, filtered by status and type, 20 a page; statuses refresh live (portal.js). */
@Named
@RequestScoped
public class TasksPage {

    public static final int PAGE = 20;

    @Inject Caller caller;
    @Inject TaskQueries queries;

    private String status;
    private String type;
    private int offset;
    private List<TaskLine> tasks = List.of();
    private long total;

    @PostConstruct
    void load() {
        status = Pages.param("status");
        type = Pages.param("type");
        String off = Pages.param("offset");
        offset = off != null && off.matches("\\d{1,9}") ? Integer.parseInt(off) : 0;
        TaskQueries.TaskPage page = Pages.attempt(() -> queries.list(caller, status, type, PAGE, offset));
        if (page != null) {
            tasks = page.tasks().stream().map(TaskLine::of).toList();
            total = page.total();
        }
    }

    public List<TaskLine> getTasks() {
        return tasks;
    }

    public long getTotal() {
        return total;
    }

    public String getStatus() {
        return status == null ? "" : status;
    }

    public String getType() {
        return type == null ? "" : type;
    }

    public List<String> getStatuses() {
        return Arrays.stream(TaskStatus.values()).map(TaskStatus::wire).toList();
    }

    public List<String> getTypes() {
        return Arrays.stream(ChallengeType.values()).map(ChallengeType::wire).toList();
    }

    public boolean isHasNext() {
        return offset + PAGE < total;
    }

    public boolean isHasPrevious() {
        return offset > 0;
    }

    public int getNextOffset() {
        return offset + PAGE;
    }

    public int getPreviousOffset() {
        return Math.max(0, offset - PAGE);
    }

    public String time(java.time.Instant instant) {
        return Pages.time(instant);
    }
}
