package org.teleris.triage.interfaces;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.teleris.triage.application.CaseConversation;
import org.teleris.triage.application.CaseQueries;
import org.teleris.triage.application.CaseTriage;
import org.teleris.triage.application.PreviewUploads;
import org.teleris.triage.application.CaseSubmission;
import org.teleris.triage.application.CaseSummary;
import org.teleris.triage.application.CurrentParticipant;
import org.teleris.triage.domain.Participant;

/**
 * Triage cases: regional doctors submit them, duty consultants claim and decide them, both talk in
 * the case's chat; everyone reads what their tenant may see. Refusals: 409 for a command the
 * case's state does not allow (with the allowed ones), 403 for one the caller may not give, 404
 * for a case of another organisation.
 */
@Path("cases")
@RequestScoped
@RolesAllowed({"DOCTOR", "CONSULTANT", "EXPERT", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    @Inject
    CurrentParticipant participants;

    @Inject
    CaseSubmission submission;

    @Inject
    CaseQueries queries;

    @Inject
    CaseTriage triage;

    @Inject
    CaseConversation conversation;

    @GET
    public List<CaseSummary> list() {
        return queries.visibleTo(caller());
    }

    @GET
    @Path("{id}")
    public CaseSummary get(@PathParam("id") String id) {
        return queries.find(caller(), id).orElseThrow(() -> new NotFoundException("No case " + id + "."));
    }

    @POST
    @Path("{id}/claim")
    @RolesAllowed("CONSULTANT")
    public CaseSummary claim(@PathParam("id") String id) {
        return triage.claim(caller(), id);
    }

    @POST
    @Path("{id}/release")
    @RolesAllowed({"CONSULTANT", "ADMIN"})
    public CaseSummary release(@PathParam("id") String id) {
        return triage.release(caller(), id);
    }

    @POST
    @Path("{id}/reassign")
    @RolesAllowed({"CONSULTANT", "ADMIN"})
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseSummary reassign(@PathParam("id") String id, @Valid @NotNull ReassignRequest request) {
        return triage.reassign(caller(), id, request.consultantUserId);
    }

    @POST
    @Path("{id}/decline")
    @RolesAllowed("CONSULTANT")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseSummary decline(@PathParam("id") String id, @Valid @NotNull DeclineRequest request) {
        return triage.decline(caller(), id, request.reason, request.advice);
    }

    @POST
    @Path("{id}/answer")
    @RolesAllowed("CONSULTANT")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseSummary answer(@PathParam("id") String id, @Valid @NotNull TextRequest request) {
        return triage.answer(caller(), id, request.text);
    }

    @POST
    @Path("{id}/request-full-study")
    @RolesAllowed("CONSULTANT")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseSummary requestFullStudy(@PathParam("id") String id, @Valid @NotNull TextRequest request) {
        return triage.requestFullStudy(caller(), id, request.text);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed("DOCTOR")
    public CaseSummary cancel(@PathParam("id") String id) {
        return triage.cancel(caller(), id);
    }

    @GET
    @Path("{id}/messages")
    public List<CaseConversation.MessageView> messages(@PathParam("id") String id) {
        return conversation.messages(caller(), id);
    }

    @POST
    @Path("{id}/messages")
    @RolesAllowed({"DOCTOR", "CONSULTANT"})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(@PathParam("id") String id, @Valid @NotNull MessageRequest request) {
        return Response.status(Response.Status.CREATED).entity(conversation.post(caller(), id, request.text,
                request.attachmentPreviewId, request.phiAcknowledged)).build();
    }

    @GET
    @Path("{id}/previews")
    public List<PreviewUploads.PreviewView> previews(@PathParam("id") String id) {
        return conversation.previews(caller(), id);
    }

    @GET
    @Path("{id}/history")
    public List<CaseConversation.HistoryView> history(@PathParam("id") String id) {
        return conversation.history(caller(), id);
    }

    @POST
    @RolesAllowed("DOCTOR")
    @Consumes(MediaType.APPLICATION_JSON)
    @Counted(name = "cases_submitted", description = "Cases submitted into the triage channel")
    public Response submit(@Valid @NotNull NewCaseRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        CaseSummary created = submission.submit(caller(), request.question, request.modality,
                request.bodyPart, request.clinical == null ? null : request.clinical.toClinicalData(),
                request.phiAcknowledged, request.previewIds == null ? List.of() : request.previewIds);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    private Participant caller() {
        return participants.current().orElseThrow(() -> new NotAuthorizedException("Log in first."));
    }
}
