package org.teleris.ris.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.teleris.ris.application.AiQualityMonitoring;
import org.teleris.ris.interfaces.dto.AiQualityView;

/** The admin's AI quality page: technological defects per model and accuracy against decisions. */
@Path("admin/ai-quality")
@RequestScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class AiQualityResource {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    @Inject
    AiQualityMonitoring monitoring;

    @Inject
    Clock clock;

    /** {@code from}/{@code to} are ISO-8601 instants; the default is the last 30 days. */
    @GET
    public AiQualityView report(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant end = to == null || to.isBlank() ? clock.instant() : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_PERIOD) : instant("from", from);
        return AiQualityView.of(monitoring.report(start, end));
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
