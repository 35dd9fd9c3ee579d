package org.teleris.consult.interfaces.ai;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.teleris.consult.application.CurrentUser;
import org.teleris.consult.application.ai.StudyAiRuns;
import org.teleris.consult.application.ai.StudyAnalysis;
import org.teleris.consult.infrastructure.ai.StudyAiRunner;

/**
 * The AI on demand: the registered models, and a run of a chosen one on a stored study. The answer
 * is 202; the result arrives as new series of the study and in quality monitoring.
 */
@Path("ai")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StudyAiResource {

    /** Accepted run: which study and model. */
    public record RunAccepted(String studyInstanceUid, String modelId, String label) {
    }

    @Inject
    CurrentUser users;

    @Inject
    StudyAiRuns runs;

    @Inject
    StudyAiRunner runner;

    @GET
    @Path("models")
    @RolesAllowed({"DOCTOR", "CONSULTANT", "EXPERT", "ADMIN"})
    public List<StudyAnalysis.Model> models() {
        return runs.models();
    }

    @POST
    @Path("studies/{study}/runs")
    @RolesAllowed({"DOCTOR", "EXPERT"})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response run(@PathParam("study") String study, @Valid AiRunRequest request) {
        var caller = users.current().orElseThrow(() -> new NotAuthorizedException("Log in first."));
        runs.targetFor(caller, study);
        String modelId = request == null || request.modelId == null || request.modelId.isBlank() ? null : request.modelId;
        if (modelId != null && runs.models().stream().noneMatch(m -> m.id().equals(modelId))) {
            throw new IllegalArgumentException("unknown model " + modelId + "; see GET /api/ai/models");
        }
        runner.run(study, modelId, true);
        return Response.accepted(new RunAccepted(study, modelId, "For Research Purposes Only")).build();
    }
}
