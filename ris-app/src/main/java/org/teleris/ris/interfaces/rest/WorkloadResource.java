package org.teleris.ris.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.teleris.ris.application.SignedInUsers;
import org.teleris.ris.application.WorkloadDashboard;
import org.teleris.ris.domain.workload.Workload;

/** The administrator's workload dashboard: cases, triage outcomes, waiting times, load per consultant. */
@Path("admin/workload")
@RequestScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class WorkloadResource {

    @Inject
    WorkloadDashboard dashboard;

    @Inject
    SignedInUsers signedIn;

    /** {@code from}/{@code to}: ISO-8601 instants; default the last 14 days. */
    @GET
    public Workload workload(@QueryParam("from") String from, @QueryParam("to") String to) {
        return dashboard.workload(signedIn.current().orElseThrow(), instant("from", from), instant("to", to));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
