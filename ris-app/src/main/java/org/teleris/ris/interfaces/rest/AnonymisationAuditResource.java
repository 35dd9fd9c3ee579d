package org.teleris.ris.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.teleris.ris.application.AnonymisationAudit;
import org.teleris.ris.application.SessionUser;
import org.teleris.ris.application.SignedInUsers;
import org.teleris.ris.domain.anonymisation.AnonymisationRecordRepository;
import org.teleris.ris.interfaces.dto.AnonymisationRecordView;

/** The admin's anonymisation audit of every upload: search, detail, re-verify, daily summary, CSV. */
@Path("admin/anonymisation")
@RequestScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class AnonymisationAuditResource {

    private static final Set<String> OUTCOMES = Set.of("ACCEPTED", "DUPLICATE", "CONFLICT", "REJECTED");
    private static final Set<String> KINDS = Set.of("PREVIEW", "STUDY_INSTANCE");

    @Inject
    AnonymisationAudit audit;

    @Inject
    SignedInUsers signedIn;

    @GET
    public List<AnonymisationRecordView> search(@QueryParam("organisationId") String org, @QueryParam("from") String from,
                                                @QueryParam("to") String to, @QueryParam("outcome") String outcome,
                                                @QueryParam("kind") String kind, @QueryParam("uploadRef") String upload,
                                                @QueryParam("limit") Integer limit) {
        int max = limit == null ? 200 : limit;
        if (max < 1 || max > AnonymisationAudit.MAX_ROWS) {
            throw new IllegalArgumentException("limit must be 1.." + AnonymisationAudit.MAX_ROWS);
        }
        return audit.search(admin(), filter(org, from, to, outcome, kind, upload), max).stream()
                .map(r -> AnonymisationRecordView.of(r, false)).toList();
    }

    @GET
    @Path("uploads")
    public List<AnonymisationAudit.Upload> uploads(@QueryParam("organisationId") String org,
                                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                                   @QueryParam("limit") Integer limit) {
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > AnonymisationAudit.MAX_ROWS) {
            throw new IllegalArgumentException("limit must be 1.." + AnonymisationAudit.MAX_ROWS);
        }
        return audit.uploads(admin(), filter(org, from, to, null, null, null), max);
    }

    @GET
    @Path("summary")
    public List<AnonymisationAudit.Day> summary(@QueryParam("organisationId") String org, @QueryParam("from") String from,
                                                @QueryParam("to") String to) {
        return audit.daily(filter(org, from, to, null, null, null));
    }

    @GET
    @Path("export.csv")
    @Produces(MediaType.WILDCARD)
    public Response csv(@QueryParam("organisationId") String org, @QueryParam("from") String from,
                        @QueryParam("to") String to, @QueryParam("outcome") String outcome,
                        @QueryParam("kind") String kind) {
        return Response.ok(audit.csv(admin(), filter(org, from, to, outcome, kind, null)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"anonymisation-audit.csv\"").build();
    }

    @GET
    @Path("{id}")
    public AnonymisationRecordView detail(@PathParam("id") String id) {
        return AnonymisationRecordView.of(audit.find(id), true);
    }

    @POST
    @Path("{id}/verify")
    public AnonymisationAudit.Reverification verify(@PathParam("id") String id) {
        return audit.reverify(admin(), id);
    }

    private static AnonymisationRecordRepository.Filter filter(String org, String from, String to, String outcome,
                                                               String kind, String upload) {
        if (outcome != null && !outcome.isBlank() && !OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("outcome must be one of " + OUTCOMES);
        }
        if (kind != null && !kind.isBlank() && !KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + KINDS);
        }
        return new AnonymisationRecordRepository.Filter(blank(org), instant("from", from), instant("to", to),
                blank(outcome), blank(kind), blank(upload));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private SessionUser admin() {
        return signedIn.current().orElseThrow();
    }
}
