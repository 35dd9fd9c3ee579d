package org.teleris.triage.interfaces;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.teleris.triage.application.CaseNotFoundException;
import org.teleris.triage.application.PreviewNotFoundException;
import org.teleris.triage.domain.CaseState;
import org.teleris.triage.domain.FreeTextPhiCheck;
import org.teleris.triage.domain.IllegalTransitionException;
import org.teleris.triage.domain.NotPermittedException;
import org.teleris.triage.domain.PossiblePhiException;
import org.teleris.triage.domain.TriageCommand;

/** How stage I's refusals reach the client, in the application's JSON error format. */
public final class TriageErrorMappers {

    private TriageErrorMappers() {
    }

    /** 409 with the case's current state and the commands that would be accepted now. */
    public record TransitionRefused(int status, String error, String message, CaseState currentState,
                                    Set<TriageCommand> allowedCommands) {
    }

    public record Refused(int status, String error, String message) {
    }

    static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    @Provider
    public static class IllegalTransition implements ExceptionMapper<IllegalTransitionException> {
        @Override
        public Response toResponse(IllegalTransitionException e) {
            return json(409, new TransitionRefused(409, "illegal_transition", e.getMessage() + ".", e.current(),
                    new TreeSet<>(e.allowed())));
        }
    }

    /** 422 with where the PHI-like text is, so that the page can show it and ask for confirmation. */
    public record PhiWarning(int status, String error, String message, List<FreeTextPhiCheck.Finding> findings) {
    }

    @Provider
    public static class PossiblePhi implements ExceptionMapper<PossiblePhiException> {
        @Override
        public Response toResponse(PossiblePhiException e) {
            return json(422, new PhiWarning(422, "possible_phi", e.getMessage(), e.findings()));
        }
    }

    @Provider
    public static class NotPermitted implements ExceptionMapper<NotPermittedException> {
        @Override
        public Response toResponse(NotPermittedException e) {
            return json(403, new Refused(403, "forbidden", capitalised(e.getMessage()) + "."));
        }
    }

    @Provider
    public static class CaseNotFound implements ExceptionMapper<CaseNotFoundException> {
        @Override
        public Response toResponse(CaseNotFoundException e) {
            return json(404, new Refused(404, "not_found", e.getMessage()));
        }
    }

    @Provider
    public static class PreviewNotFound implements ExceptionMapper<PreviewNotFoundException> {
        @Override
        public Response toResponse(PreviewNotFoundException e) {
            return json(404, new Refused(404, "not_found", e.getMessage()));
        }
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
