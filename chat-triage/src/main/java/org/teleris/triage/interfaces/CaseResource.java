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
import org.teleris.triage.application.CaseQueries;
import org.teleris.triage.application.CaseSubmission;
import org.teleris.triage.application.CaseSummary;
import org.teleris.triage.application.CurrentParticipant;
import org.teleris.triage.domain.Participant;

/** Triage cases: regional doctors submit them; everyone reads what their tenant may see. */
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
    @RolesAllowed("DOCTOR")
    @Consumes(MediaType.APPLICATION_JSON)
    @Counted(name = "cases_submitted", description = "Cases submitted into the triage channel")
    public Response submit(@Valid @NotNull NewCaseRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        CaseSummary created = submission.submit(caller(), request.question, request.modality,
                request.bodyPart);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    private Participant caller() {
        return participants.current().orElseThrow(() -> new NotAuthorizedException("Log in first."));
    }
}
