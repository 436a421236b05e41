package com.computemarket.portal.files;

import com.computemarket.market.application.TaskQueries;
import com.computemarket.market.domain.Job;
import com.computemarket.market.domain.Task;
import com.computemarket.portal.PortalCaller;
import com.computemarket.shared.DomainException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;

/**
 * GET /files/task-result?id=…: the task's result as a JSON file (the platform keeps result commitments, not result
 * data): the task's result hash and worker, and each job's status and result hash. Another organization's task: 404.
 */
@WebServlet("/files/task-result")
public class TaskResultServlet extends HttpServlet {

    @Inject PortalCaller callers;
    @Inject TaskQueries queries;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TaskQueries.TaskDetails details;
        try {
            details = queries.get(callers.current(), UUID.fromString(String.valueOf(request.getParameter("id"))));
        } catch (IllegalArgumentException | DomainException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such task");
            return;
        }
        Task task = details.task();
        JsonArrayBuilder jobs = Json.createArrayBuilder();
        for (Job job : details.jobs()) {
            JsonObjectBuilder j = Json.createObjectBuilder().add("job_id", job.id().toString()).add("index", job.index())
                    .add("status", job.status().name().toLowerCase());
            if (job.resultHash() != null) {
                j.add("result_hash", job.resultHash());
            }
            jobs.add(j);
        }
        JsonObjectBuilder out = Json.createObjectBuilder().add("task_id", task.id().toString())
                .add("challenge_type", task.challengeType()).add("status", task.status().wire())
                .add("reward", task.reward().toCpc());
        if (task.resultHash() != null) {
            out.add("result_hash", task.resultHash());
        }
        if (task.resultWorkerAddress() != null) {
            out.add("worker_address", task.resultWorkerAddress());
        }
        out.add("jobs", jobs);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"task-" + task.id() + "-result.json\"");
        response.getWriter().write(out.build().toString());
    }
}
