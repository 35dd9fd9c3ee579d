package org.teleris.consult.interfaces.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.teleris.consult.application.ConsultUser;
import org.teleris.consult.application.CurrentUser;
import org.teleris.consult.application.intake.UploadSessions;

/** A case's full-study upload: live counts, every refusal with its reason, and completing it. */
@Path("upload-sessions")
@RequestScoped
@RolesAllowed({"DOCTOR", "CONSULTANT", "EXPERT", "ADMIN"})
@Produces(MediaType.APPLICATION_JSON)
public class UploadSessionResource {

    @Inject
    CurrentUser users;

    @Inject
    UploadSessions sessions;

    /** Under upload-sessions, not cases/{id}: JAX-RS would route cases/... to the triage resource only. */
    @GET
    @Path("by-case/{caseId}")
    public UploadSessions.SessionView ofCase(@PathParam("caseId") String caseId) {
        return sessions.ofCase(caller(), caseId);
    }

    @GET
    @Path("{id}")
    public UploadSessions.SessionView describe(@PathParam("id") String id) {
        return sessions.describe(caller(), id);
    }

    /** The sending clinic's doctor: the study is all there, the experts may read it now. */
    @POST
    @Path("{id}/complete")
    @RolesAllowed("DOCTOR")
    public UploadSessions.SessionView complete(@PathParam("id") String id) {
        return sessions.complete(caller(), id);
    }

    private ConsultUser caller() {
        return users.current().orElseThrow(() -> new NotAuthorizedException("Log in first."));
    }
}
