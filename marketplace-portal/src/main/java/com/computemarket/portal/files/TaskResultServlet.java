package com.computemarket.portal.files;

import com.computemarket.market.application.TaskResults;
import com.computemarket.portal.PortalCaller;
import com.computemarket.shared.DomainException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;

/**
 * GET /files/task-result?id=…: the task's result as a JSON file (TaskResults.download): an inference task's verified
 * outputs (every item, vectors in base64); a synthetic task's commitments (the platform keeps result commitments, not
 * synthetic result data): the task's result hash and worker, and each job's status and result hash. Another
 * organization's task: 404.
 */
@WebServlet("/files/task-result")
public class TaskResultServlet extends HttpServlet {

    @Inject PortalCaller callers;
    @Inject TaskResults results;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectNode result;
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(request.getParameter("id")));
            result = results.download(callers.current(), id);
        } catch (IllegalArgumentException | DomainException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such task");
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"task-" + id + "-result.json\"");
        response.getWriter().write(result.toString());
    }
}
