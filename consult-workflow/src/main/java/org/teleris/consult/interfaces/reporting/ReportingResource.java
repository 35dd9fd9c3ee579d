package org.teleris.consult.interfaces.reporting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.teleris.consult.domain.reporting.Lang;
import java.util.List;
import org.teleris.consult.application.ConsultUser;
import org.teleris.consult.application.CurrentUser;
import org.teleris.consult.application.reporting.ReportViews;
import org.teleris.consult.application.reporting.Reporting;

/** The expert worklist and the report's commands; delivered reports for the requesting clinic. */
@Path("reporting")
@RequestScoped
@RolesAllowed({"EXPERT", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class ReportingResource {

    @Inject
    CurrentUser users;

    @Inject
    Reporting reporting;

    @GET
    @Path("worklist")
    public ReportViews.Worklist worklist() {
        return reporting.worklist(caller());
    }

    /** Delivered reports: a doctor sees their clinic's, optionally of one case. */
    @GET
    @Path("delivered")
    @RolesAllowed({"DOCTOR", "EXPERT", "ADMIN"})
    public List<ReportViews.WorklistItem> delivered(@QueryParam("caseId") String caseId) {
        return reporting.deliveredReports(caller(), caseId);
    }

    @GET
    @Path("reports/{id}")
    @RolesAllowed({"DOCTOR", "EXPERT", "ADMIN"})
    public ReportViews.ReportView report(@PathParam("id") String id) {
        return reporting.view(caller(), id);
    }

    @POST
    @Path("reports/{id}/claim")
    @RolesAllowed("EXPERT")
    public ReportViews.ReportView claim(@PathParam("id") String id) {
        return reporting.claim(caller(), id);
    }

    @POST
    @Path("reports/{id}/release")
    public ReportViews.ReportView release(@PathParam("id") String id) {
        return reporting.release(caller(), id);
    }

    @POST
    @Path("reports/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportViews.ReportView assign(@PathParam("id") String id, @Valid @NotNull AssignRequest request) {
        return reporting.assign(caller(), id, request.username);
    }

    @PUT
    @Path("reports/{id}/draft")
    @RolesAllowed("EXPERT")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportViews.ReportView saveDraft(@PathParam("id") String id, @Valid @NotNull DraftRequest request) {
        return reporting.saveDraft(caller(), id, request.toDraft());
    }

    @POST
    @Path("reports/{id}/sign")
    @RolesAllowed("EXPERT")
    public ReportViews.ReportView sign(@PathParam("id") String id) {
        return reporting.sign(caller(), id);
    }

    @POST
    @Path("reports/{id}/second-read")
    @RolesAllowed("EXPERT")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportViews.ReportView secondRead(@PathParam("id") String id, @Valid @NotNull SecondReadRequest request) {
        return reporting.secondRead(caller(), id, request.agree, request.comment);
    }

    @POST
    @Path("reports/{id}/addenda")
    @RolesAllowed("EXPERT")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportViews.ReportView addAddendum(@PathParam("id") String id, @Valid @NotNull AddendumRequest request) {
        return reporting.addAddendum(caller(), id, request.text);
    }

    /** The delivered report as PDF, in the reader's language ({@code lang=ru} or {@code en}). */
    @GET
    @Path("reports/{id}/pdf")
    @RolesAllowed({"DOCTOR", "EXPERT", "ADMIN"})
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response pdf(@PathParam("id") String id, @QueryParam("lang") String lang) {
        if (lang != null && !lang.matches("(?i)en|ru")) {
            throw new IllegalArgumentException("lang must be en or ru");
        }
        return download(reporting.document(caller(), id, false, Lang.of(lang)));
    }

    /** The delivered report as a DICOM SR of the study. */
    @GET
    @Path("reports/{id}/sr")
    @RolesAllowed({"DOCTOR", "EXPERT", "ADMIN"})
    @Produces({"application/dicom", MediaType.APPLICATION_JSON})
    public Response sr(@PathParam("id") String id) {
        return download(reporting.document(caller(), id, true, Lang.EN));
    }

    private static Response download(Reporting.Document d) {
        return Response.ok(d.content(), d.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                .header("Cache-Control", "private, no-store").build();
    }

    private ConsultUser caller() {
        return users.current().orElseThrow(() -> new NotAuthorizedException("Log in first."));
    }
}
