package org.teleris.consult.interfaces.reporting;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.TreeSet;
import org.teleris.consult.application.reporting.ReportNotFoundException;
import org.teleris.consult.domain.reporting.IllegalReportTransitionException;
import org.teleris.consult.domain.reporting.ReportCommand;
import org.teleris.consult.domain.reporting.ReportIncompleteException;
import org.teleris.consult.domain.reporting.ReportNotPermittedException;
import org.teleris.consult.domain.reporting.ReportState;

/** How reporting refusals reach the client, in the application's JSON error format. */
public final class ReportingErrorMappers {

    private ReportingErrorMappers() {
    }

    /** 409 with the report's current state and the commands that would be accepted now. */
    public record TransitionRefused(int status, String error, String message, ReportState currentState,
                                    Set<ReportCommand> allowedCommands) {
    }

    public record Refused(int status, String error, String message) {
    }

    static Response json(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static String sentence(String text) {
        String s = text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }

    @Provider
    public static class IllegalTransition implements ExceptionMapper<IllegalReportTransitionException> {
        @Override
        public Response toResponse(IllegalReportTransitionException e) {
            return json(409, new TransitionRefused(409, "illegal_transition", sentence(e.getMessage()), e.current(),
                    new TreeSet<>(e.allowed())));
        }
    }

    @Provider
    public static class NotPermitted implements ExceptionMapper<ReportNotPermittedException> {
        @Override
        public Response toResponse(ReportNotPermittedException e) {
            return json(403, new Refused(403, "forbidden", sentence(e.getMessage())));
        }
    }

    @Provider
    public static class Incomplete implements ExceptionMapper<ReportIncompleteException> {
        @Override
        public Response toResponse(ReportIncompleteException e) {
            return json(422, new Refused(422, "report_incomplete", sentence(e.getMessage())));
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<ReportNotFoundException> {
        @Override
        public Response toResponse(ReportNotFoundException e) {
            return json(404, new Refused(404, "not_found", e.getMessage()));
        }
    }
}
