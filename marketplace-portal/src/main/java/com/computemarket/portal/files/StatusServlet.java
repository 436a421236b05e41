package com.computemarket.portal.files;

import com.computemarket.market.application.TaskQueries;
import com.computemarket.portal.PortalCaller;
import com.computemarket.shared.Caller;
import com.computemarket.shared.DomainException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;

/** GET /status?ids=a,b: the current status of each task the caller may see (others are left out), for live lists. */
@WebServlet("/status")
public class StatusServlet extends HttpServlet {

    private static final int MAX_IDS = 100;

    @Inject PortalCaller callers;
    @Inject TaskQueries queries;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = callers.current();
        JsonObjectBuilder out = Json.createObjectBuilder();
        String ids = request.getParameter("ids");
        if (ids != null && !ids.isBlank()) {
            String[] parts = ids.split(",");
            for (int i = 0; i < Math.min(parts.length, MAX_IDS); i++) {
                try {
                    UUID id = UUID.fromString(parts[i].strip());
                    out.add(id.toString(), queries.visible(caller, id).status().wire());
                } catch (IllegalArgumentException | DomainException e) {
                    // not a task id, or not one this caller may see: left out
                }
            }
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(out.build().toString());
    }
}
