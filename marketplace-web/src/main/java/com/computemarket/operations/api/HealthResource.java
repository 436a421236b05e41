package com.computemarket.operations.api;

import com.computemarket.operations.health.HealthReport;
import com.computemarket.operations.health.SystemHealth;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/health: 200 when the database, the broker, the L1 node and the identity provider all answer, else 503. */
@Path("health")
@RequestScoped
@PermitAll
public class HealthResource {

    @Inject SystemHealth health;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        HealthReport report = health.check();
        Map<String, Object> checks = new LinkedHashMap<>();
        report.checks().forEach((name, check) -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("status", check.up() ? "UP" : "DOWN");
            view.putAll(check.details());
            checks.put(name, view);
        });
        Map<String, Object> body = Map.of("status", report.up() ? "UP" : "DOWN", "checks", checks);
        return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(body).build();
    }
}
