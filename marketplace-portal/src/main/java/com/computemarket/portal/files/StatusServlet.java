package com.computemarket.portal.files;

import com.computemarket.market.application.TaskQueries;
import com.computemarket.portal.PortalCaller;
import com.computemarket.shared.Caller;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
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
            Set<UUID> wanted = new LinkedHashSet<>();
            String[] parts = ids.split(",", MAX_IDS + 1);
            for (int i = 0; i < Math.min(parts.length, MAX_IDS); i++) {
                try {
                    wanted.add(UUID.fromString(parts[i].strip()));
                } catch (IllegalArgumentException e) {
                    // not a task id: left out
                }
            }
            // one query for all of them; tasks this caller may not see are left out
            queries.statuses(caller, wanted).forEach((id, status) -> out.add(id.toString(), status.wire()));
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(out.build().toString());
    }
}
